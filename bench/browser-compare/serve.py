"""bench/browser-compare's static server: Python's http.server (what `python3 -m http.server` runs) plus a count of the
bytes it sends, and with --precompressed the .br copy of a file when the browser accepts brotli, as a host with
precompressed files does (nginx's brotli_static, a CDN). Prints "PORT n" once listening on 127.0.0.1."""
import argparse
import functools
import http.server
import json
import os
import sys
import threading

served = {"files": 0, "bytes": 0}
lock = threading.Lock()


class Handler(http.server.SimpleHTTPRequestHandler):
    precompressed = False

    def log_message(self, *args):
        pass

    def do_GET(self):
        if self.path.startswith("/__served"):
            with lock:
                body = json.dumps(served).encode()
                if "reset" in self.path:
                    served.update(files=0, bytes=0)
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def send_head(self):
        path = self.translate_path(self.path)
        brotli = path + ".br"
        if self.precompressed and "br" in self.headers.get("Accept-Encoding", "") and os.path.isfile(path) and os.path.isfile(brotli):
            f = open(brotli, "rb")
            size = os.fstat(f.fileno()).st_size
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(path))
            self.send_header("Content-Encoding", "br")
            self.send_header("Content-Length", str(size))
            self.end_headers()
            self.count(size)
            return f
        f = super().send_head()
        if f is not None and hasattr(f, "fileno"):
            self.count(os.fstat(f.fileno()).st_size)
        return f

    @staticmethod
    def count(size):
        with lock:
            served["files"] += 1
            served["bytes"] += size


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    parser.add_argument("--precompressed", action="store_true")
    options = parser.parse_args()
    Handler.precompressed = options.precompressed
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=options.folder))
    print(f"PORT {server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
