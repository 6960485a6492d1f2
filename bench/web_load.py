#!/usr/bin/env python3
"""Load on the web desk: N simulated clerks for D seconds on loopback, each looping over the
screens a clerk opens (dashboard, a school, a candidate, the queue, a page and its image).
Prints requests/s, median and p95 latency, and errors. Usage:
  bench/web_load.py --url 'http://127.0.0.1:8470/?jeton=…' [--clerks 20] [--seconds 60]
"""
import argparse
import http.client
import re
import statistics
import threading
import time
import urllib.parse


def session(url):
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    conn.request("GET", "/?" + parts.query)
    reply = conn.getresponse()
    reply.read()
    cookie = reply.getheader("Set-Cookie").split(";")[0]
    return parts.hostname, parts.port, cookie


def get(host, port, cookie, path):
    conn = http.client.HTTPConnection(host, port, timeout=30)
    conn.request("GET", path, headers={"Cookie": cookie})
    reply = conn.getresponse()
    body = reply.read()
    conn.close()
    return reply.status, body


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--url", required=True)
    p.add_argument("--clerks", type=int, default=20)
    p.add_argument("--seconds", type=int, default=60)
    a = p.parse_args()
    host, port, cookie = session(a.url)
    _, dash = get(host, port, cookie, "/")
    schools = re.findall(rb'href="(/etablissement/[^"]+)"', dash)[:20]
    _, school = get(host, port, cookie, schools[0].decode())
    candidates = re.findall(rb'href="(/candidat/[^"]+)"', school)[:20]
    _, queue = get(host, port, cookie, "/pages")
    pages = re.findall(rb'href="(/pages/\d+)"', queue)[:10]
    paths = ["/"] + [s.decode() for s in schools[:3]] + [c.decode() for c in candidates[:3]] + \
        ["/pages"] + [q.decode() for q in pages[:2]] + \
        ["/image-page/%s" % q.decode().split("/")[-1] for q in pages[:2]]
    latencies, errors, lock = [], [0], threading.Lock()
    stop = time.time() + a.seconds

    def clerk(i):
        k = i
        while time.time() < stop:
            path = paths[k % len(paths)]
            k += 1
            t = time.perf_counter()
            try:
                status, _ = get(host, port, cookie, path)
                ok = status == 200
            except Exception:
                ok = False
            dt = time.perf_counter() - t
            with lock:
                latencies.append(dt)
                if not ok:
                    errors[0] += 1

    threads = [threading.Thread(target=clerk, args=(i,)) for i in range(a.clerks)]
    start = time.time()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.time() - start
    latencies.sort()
    p95 = latencies[int(len(latencies) * 0.95) - 1]
    print("clerks=%d seconds=%.0f requests=%d req/s=%.1f median=%.1f ms p95=%.1f ms errors=%d" % (
        a.clerks, elapsed, len(latencies), len(latencies) / elapsed,
        statistics.median(latencies) * 1000, p95 * 1000, errors[0]))


if __name__ == "__main__":
    main()
