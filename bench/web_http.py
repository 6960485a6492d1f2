#!/usr/bin/env python3
"""The web desk over HTTP on a generated académie (bench_web_ledger: ~20,000 candidates, 500
schools, one of 2,000, ~40,000 pages) plus the bundled sample's scans (real pages to render):
server time per request (sequential, loopback) for the dashboard and the 2,000-candidate
school; thumbnails cold, cached, and revalidated (304); then 20 simulated clerks for 60 s —
19 reading, 1 deciding (ignore a page, undo) — with requests/s, p95 and errors; finally the
ledger's integrity (SQLite integrity and foreign keys, one journal line per decision/undo).
  bench/web_http.py --pointage build/pointage --ledger-tool build/bench/bench_web_ledger \\
                    --source . [--clerks 20] [--seconds 60] [--think 1]
"""
import argparse
import http.client
import os
import re
import sqlite3
import statistics
import subprocess
import tempfile
import threading
import time
import urllib.parse


def request(port, cookie, path, method="GET", body=None, headers=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    h = {"Cookie": cookie}
    if body is not None:
        h["Content-Type"] = "application/x-www-form-urlencoded"
    h.update(headers or {})
    t = time.perf_counter()
    conn.request(method, path, body=body, headers=h)
    reply = conn.getresponse()
    data = reply.read()
    dt = time.perf_counter() - t
    conn.close()
    return reply.status, data, dt, reply


def timed(port, cookie, path, n):
    times, size = [], 0
    for _ in range(n):
        status, data, dt, _ = request(port, cookie, path)
        assert status == 200, (path, status)
        times.append(dt * 1000)
        size = len(data)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1], size


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--pointage", required=True)
    p.add_argument("--ledger-tool", required=True)
    p.add_argument("--source", required=True)
    p.add_argument("--clerks", type=int, default=20)
    p.add_argument("--seconds", type=int, default=60)
    p.add_argument("--think", type=float, default=0.0,
                   help="seconds a reading clerk waits between two screens (0: none, saturation)")
    a = p.parse_args()
    work = tempfile.mkdtemp(prefix="pointage-web-bench-")
    db = os.path.join(work, "ledger.sqlite")
    env = dict(os.environ, POINTAGE_DB=db, CI="true", QT_QPA_PLATFORM="offscreen",
               POINTAGE_CONFIG=os.path.join(a.source, "config", "pointage.json"))
    print(subprocess.run([a.ledger_tool, db], env=env, check=True, capture_output=True,
                         text=True).stdout.strip())
    subprocess.run([a.pointage, "ingest", os.path.join(a.source, "scans")], env=env, check=True,
                   capture_output=True)
    server = subprocess.Popen([a.pointage, "serve", "--port", "0", "--as-of", "2026-12-23"],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        url = None
        t0 = time.time()
        while url is None:
            line = server.stdout.readline()
            m = re.search(r"(http://\S+)", line)
            url = m.group(1) if m else None
        print("server up in %.1f s (first view of the ledger computed)" % (time.time() - t0))
        parts = urllib.parse.urlsplit(url)
        port = parts.port
        _, _, _, reply = request(port, "", "/?" + parts.query)
        cookie = reply.getheader("Set-Cookie").split(";")[0]

        _, dash, _, _ = request(port, cookie, "/")
        schools = re.findall(rb'href="(/etablissement/[^"/]+)"', dash)
        big = "/etablissement/0130000" + "ABCDEFGHJKLMNPRSTUVWXYZ"[130000 % 23]
        lot = re.search(rb'href="(/lots/\d+)"', request(port, cookie, "/lots")[1]).group(1)
        for path, label in (("/", "dashboard, 500 schools"), (big, "school, 2,000 candidates"),
                            ("/lots", "lots, latest 25 files"),
                            ("/lots?page=6", "lots, 6th page of files"),
                            (lot.decode(), "one file's thumbnails")):
            med, p95, size = timed(port, cookie, path, 20)
            print("%-30s median %.1f ms, p95 %.1f ms, %d kB" % (label, med, p95, size // 1024))

        con = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
        sample_pages = [r[0] for r in con.execute(
            "SELECT p.id FROM pages p JOIN scan_files f ON f.id = p.file_id "
            "WHERE f.path LIKE ? ORDER BY p.id", ("%" + os.sep + "scans" + os.sep + "%",))]
        con.close()
        sample_pages = [i for i in sample_pages][:12]
        cold, warm, revalidated = [], [], []
        for pid in sample_pages:
            path = "/image-page/%d" % pid
            s1, _, t1, r1 = request(port, cookie, path)
            s2, _, t2, _ = request(port, cookie, path)
            s3, _, t3, _ = request(port, cookie, path, headers={"If-None-Match": r1.getheader("ETag")})
            assert (s1, s2, s3) == (200, 200, 304), (s1, s2, s3)
            cold.append(t1 * 1000)
            warm.append(t2 * 1000)
            revalidated.append(t3 * 1000)
        print("thumbnail (%d pages)          cold median %.1f ms (max %.1f), cached %.1f ms, 304 %.1f ms" % (
            len(cold), statistics.median(cold), max(cold), statistics.median(warm),
            statistics.median(revalidated)))

        _, school, _, _ = request(port, cookie, big)
        candidates = [c.decode() for c in re.findall(rb'href="(/candidat/[^"]+)"', school)[:5]]
        _, queue, _, _ = request(port, cookie, "/pages")
        pages = [q.decode() for q in re.findall(rb'href="(/pages/\d+)"', queue)[:40]]
        csrf = re.search(rb'name="csrf" value="([^"]+)"', queue).group(1).decode()
        paths = ["/", big] + [s.decode() for s in schools[1:4]] + candidates + ["/pages"] + \
            pages[:3] + ["/image-page/%d" % i for i in sample_pages[:4]] + ["/recherche?q=martin"]
        latencies, errors, decisions, lock = [], [0], [0], threading.Lock()
        by_kind = {}
        stop = time.time() + a.seconds

        def kind_of(path):
            if path.startswith("/decisions") or path.endswith("/ecarter"):
                return "decisions and undos (the deciding clerk)"
            if path.startswith("/candidat/"):
                return "candidate screens (read the ledger)"
            return "other screens and images"

        def record(dt, ok, path):
            with lock:
                latencies.append(dt)
                by_kind.setdefault(kind_of(path), []).append(dt)
                if not ok:
                    errors[0] += 1

        def reader(i):
            k = i
            while time.time() < stop:
                path = paths[k % len(paths)]
                k += 1
                try:
                    status, _, dt, _ = request(port, cookie, path)
                    record(dt, status == 200, path)
                except Exception:
                    record(0, False, path)
                if a.think > 0:
                    time.sleep(a.think)

        def decider():
            k = 0
            while time.time() < stop:
                page = pages[k % len(pages)].split("/")[-1]
                k += 1
                try:
                    s1, _, dt1, r = request(port, cookie, "/pages/%s/ecarter" % page, "POST",
                                            "csrf=" + csrf)
                    record(dt1, s1 == 303, "/ecarter")
                    done = re.search(r"fait=(\d+)", r.getheader("Location") or "")
                    if not done:
                        continue
                    s2, _, dt2, _ = request(port, cookie, "/decisions/%s/annuler" % done.group(1),
                                            "POST", "csrf=" + csrf + "&retour=%2Fpages")
                    record(dt2, s2 == 303, "/decisions")
                    with lock:
                        decisions[0] += 1
                except Exception:
                    record(0, False, "/decisions")

        threads = [threading.Thread(target=reader, args=(i,)) for i in range(a.clerks - 1)]
        threads.append(threading.Thread(target=decider))
        start = time.time()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.time() - start
        latencies.sort()
        print("%d clerks (1 deciding, readers wait %.1f s between screens), %.0f s: %d requests, %.1f req/s, median %.1f ms, p95 %.1f ms, "
              "errors %d, %d decisions taken and undone" % (
                  a.clerks, a.think, elapsed, len(latencies), len(latencies) / elapsed,
                  statistics.median(latencies) * 1000, latencies[int(len(latencies) * 0.95) - 1] * 1000,
                  errors[0], decisions[0]))
        for kind, times in sorted(by_kind.items()):
            times.sort()
            print("  %-42s %5d, median %.1f ms, p95 %.1f ms" % (
                kind, len(times), statistics.median(times) * 1000,
                times[max(0, int(len(times) * 0.95) - 1)] * 1000))
    finally:
        server.terminate()
        server.wait(30)

    con = sqlite3.connect(db)
    integrity = con.execute("PRAGMA integrity_check").fetchone()[0]
    fk = con.execute("PRAGMA foreign_key_check").fetchall()
    made = con.execute("SELECT count(*) FROM decisions").fetchone()[0]
    undone = con.execute("SELECT count(*) FROM decisions WHERE undone_at IS NOT NULL").fetchone()[0]
    journal = con.execute("SELECT count(*) FROM journal WHERE action IN ('decision', 'undo')").fetchone()[0]
    print("ledger after: integrity_check=%s, foreign key problems=%d, decisions=%d (undone %d), "
          "journal lines for them=%d -> %s" % (
              integrity, len(fk), made, undone, journal,
              "ok" if integrity == "ok" and not fk and journal == made + undone else "PROBLEM"))


if __name__ == "__main__":
    main()
