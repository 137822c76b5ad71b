"""Real SPARQL servers for the tests: Oxigraph server and Virtuoso, on 127.0.0.1 and free ports.

Each server gets a fresh database folder, a bounded start-up wait, and is stopped by its PID.
Also small local HTTP servers that misbehave on purpose (HTML, errors, hanging).
"""

from __future__ import annotations

import contextlib
import http.server
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

START_SECONDS = 60


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def oxigraph_binary() -> str | None:
    return shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")


def virtuoso_binary() -> str | None:
    return os.environ.get("GCSF_VIRTUOSO") or shutil.which("virtuoso-t")


def _wait_until_answering(url: str, process: subprocess.Popen[bytes], log: Path) -> float:
    started = time.monotonic()
    while time.monotonic() - started < START_SECONDS:
        if process.poll() is not None:
            raise RuntimeError(f"the server stopped at start-up: {log.read_text(errors='replace')[-2000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return time.monotonic() - started
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"the server did not answer within {START_SECONDS} s")


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)


@contextlib.contextmanager
def oxigraph_server(folder: Path) -> Iterator[str]:
    """An Oxigraph server on a fresh database; yields its query endpoint URL."""
    binary = oxigraph_binary()
    assert binary, "no oxigraph binary: `pip install oxigraph` (in the dev extra)"
    port = free_port()
    log = folder / "oxigraph.log"
    with log.open("wb") as out:
        process = subprocess.Popen([binary, "serve", "--location", str(folder / "db"),
                                    "--bind", f"127.0.0.1:{port}"], stdout=out, stderr=out)
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_until_answering(f"{base}/query?query=ASK%7B%7D", process, log)
        yield f"{base}/query"
    finally:
        _stop(process)


VIRTUOSO_INI = """\
[Database]
DatabaseFile       = {dir}/virtuoso.db
ErrorLogFile       = {dir}/virtuoso.log
LockFile           = {dir}/virtuoso.lck
TransactionFile    = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
[TempDatabase]
DatabaseFile    = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
[Parameters]
ServerPort        = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
DirsAllowed       = ., {dir}
NumberOfBuffers   = {buffers}
MaxDirtyBuffers   = {dirty}
[HTTPServer]
ServerPort    = 127.0.0.1:{http_port}
ServerRoot    = {dir}/vsp
ServerThreads = 10
[SPARQL]
ResultSetMaxRows      = {max_rows}
MaxQueryExecutionTime = 120
"""


@contextlib.contextmanager
def virtuoso_server(folder: Path, *, buffers: int = 10_000, max_rows: int = 10_000) -> Iterator[str]:
    """A Virtuoso server on a fresh database (user dba, password dba); yields its /sparql URL.

    ``buffers`` is its page cache (8 KiB pages); ``max_rows`` the most rows it answers a query with.
    """
    binary = virtuoso_binary()
    assert binary, "no virtuoso-t: `make servers` installs Debian's virtuoso-opensource-7"
    http_port = sql_port = free_port()
    while sql_port == http_port:
        sql_port = free_port()
    (folder / "vsp").mkdir(parents=True, exist_ok=True)
    ini = folder / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(dir=folder, sql_port=sql_port, http_port=http_port,
                                       buffers=buffers, dirty=buffers * 3 // 4, max_rows=max_rows), encoding="utf-8")
    log = folder / "virtuoso.out"
    with log.open("wb") as out:
        process = subprocess.Popen([binary, "+foreground", "+configfile", str(ini)], cwd=folder,
                                   stdout=out, stderr=out)
    try:
        base = f"http://127.0.0.1:{http_port}"
        _wait_until_answering(f"{base}/sparql?query=ASK%7B%7D", process, log)
        yield f"{base}/sparql"
    finally:
        _stop(process)


Handler = Callable[[http.server.BaseHTTPRequestHandler], None]


@contextlib.contextmanager
def local_http(handle: Handler, *, tls: tuple[Path, Path] | None = None) -> Iterator[str]:
    """A small HTTP server on 127.0.0.1 whose every request is answered by ``handle``.

    ``tls`` (a certificate and its key) serves HTTPS instead.
    """

    class _Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            handle(self)

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            self.rfile.read(length)
            handle(self)

        do_PUT = do_POST

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    scheme = "http"
    if tls is not None:
        import ssl

        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(*tls)
        server.socket = context.wrap_socket(server.socket, server_side=True)
        scheme = "https"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"{scheme}://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def answer(request: http.server.BaseHTTPRequestHandler, status: int, body: str,
           content_type: str = "text/plain") -> None:
    data = body.encode()
    request.send_response(status)
    request.send_header("Content-Type", content_type)
    request.send_header("Content-Length", str(len(data)))
    request.end_headers()
    request.wfile.write(data)


@contextlib.contextmanager
def hanging_server() -> Iterator[str]:
    """A socket that accepts connections (in the kernel's backlog) and never answers."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen(16)
        yield f"http://127.0.0.1:{s.getsockname()[1]}/sparql"
