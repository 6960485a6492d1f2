#!/usr/bin/python3
"""A real SMTP server for the e-mail tests: Debian's aiosmtpd on loopback, STARTTLS required
(with the certificate the test generated), AUTH PLAIN/LOGIN only once encrypted, one login
accepted. Every accepted message is saved as NNN.eml (bytes as received, dot-stuffing undone)
with NNN.json (envelope, whether TLS and login were used). Recipients listed in --refuse get a
550. Prints "ready" once listening; stops when its standard input closes."""
import argparse
import json
import os
import ssl
import sys

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Handler:
    def __init__(self, out_dir, refused):
        self.out_dir = out_dir
        self.refused = set(refused)
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refused:
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        stem = os.path.join(self.out_dir, "%03d" % self.count)
        with open(stem + ".eml", "wb") as f:
            f.write(envelope.original_content)
        with open(stem + ".json", "w") as f:
            json.dump({"from": envelope.mail_from, "to": envelope.rcpt_tos,
                       "tls": session.ssl is not None,
                       "authenticated": bool(session.authenticated)}, f)
        return "250 Message accepted"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--cert", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--login", default="diec")
    parser.add_argument("--password", default="secret")
    parser.add_argument("--refuse", action="append", default=[])
    args = parser.parse_args()

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword)
              and auth_data.login.decode() == args.login
              and auth_data.password.decode() == args.password)
        # handled=False: aiosmtpd answers 535 itself (its default would leave the client waiting)
        return AuthResult(success=ok, handled=False)

    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(args.cert, args.key)
    controller = Controller(Handler(args.out, args.refuse), hostname="127.0.0.1",
                            port=args.port, tls_context=context, require_starttls=True,
                            authenticator=authenticator, auth_require_tls=True,
                            decode_data=False)
    controller.start()
    print("ready", flush=True)
    sys.stdin.read()
    controller.stop()


if __name__ == "__main__":
    main()
