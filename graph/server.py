"""The local graph server: ArcadeDB (from the `arcadedb-embedded` wheel) speaking Bolt on loopback.

It runs as a separate process with the wheel's own JRE; its home directory holds the databases, the
log and `credentials.json` (mode 0600, password generated at first start) and `server.json` (pid and
ports of the running server). Nothing listens on anything but 127.0.0.1.
"""
from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import time
from dataclasses import asdict, dataclass
from pathlib import Path

DATABASE = "plankg"
USER = "root"
DEFAULT_BOLT_PORT, DEFAULT_HTTP_PORT = 7687, 2480
HEAP = "-Xmx512m"
START_TIMEOUT = 60.0


@dataclass(frozen=True)
class ServerInfo:
    uri: str
    user: str
    password: str
    database: str
    pid: int
    http_port: int

    def __repr__(self) -> str:  # never show the password
        return f"ServerInfo(uri={self.uri!r}, user={self.user!r}, database={self.database!r}, pid={self.pid}, http_port={self.http_port})"

    @property
    def bolt_port(self) -> int:
        return int(self.uri.rsplit(":", 1)[1])


def data_dir() -> Path:
    """Where the local server keeps its data: $PLANKG_HOME, else ~/.local/share/plankg."""
    env = os.environ.get("PLANKG_HOME")
    return Path(env).expanduser() if env else Path.home() / ".local" / "share" / "plankg"


def _home(home: str | Path | None) -> Path:
    return Path(home).expanduser() if home is not None else data_dir()


def _package_dir() -> Path:
    import importlib.util

    spec = importlib.util.find_spec("arcadedb_embedded")
    if spec is None or spec.origin is None:
        raise RuntimeError("arcadedb-embedded is not installed")
    return Path(spec.origin).parent


def _password(home: Path) -> str:
    cred = home / "credentials.json"
    if cred.exists():
        return json.loads(cred.read_text(encoding="utf-8"))["password"]
    password = secrets.token_urlsafe(18)
    fd = os.open(cred, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump({"user": USER, "password": password}, f)
    return password


def _secret_args(home: Path, password: str) -> Path:
    """A JVM argument file (mode 0600) carrying the root password."""
    path = home / "secret.args"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(f'"-Darcadedb.server.rootPassword={password}"\n')
    return path


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def _free_port(preferred: int, avoid: set[int] = frozenset()) -> int:
    if preferred and preferred not in avoid and _port_free(preferred):
        return preferred
    while True:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        if port not in avoid:
            return port


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a zombie child of ours counts as gone
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return True


def _is_our_server(pid: int, home: Path) -> bool:
    """The pid is alive and is an ArcadeDB server rooted at `home` (guards against pid reuse)."""
    if not _alive(pid):
        return False
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    root = f"-Darcadedb.server.rootPath={home.resolve()}".encode()
    return root in cmdline and b"com.arcadedb.server.ArcadeDBServer" in cmdline


def _bolt_answers(port: int, timeout: float = 1.0) -> bool:
    """True when a Bolt handshake on the port gets a version back."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
            s.sendall(b"\x60\x60\xb0\x17" + b"\x00\x00\x04\x05" + b"\x00" * 12)
            return len(s.recv(4)) == 4
    except OSError:
        return False


def _http_answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1.0):
            return True
    except OSError:
        return False


def status(home: str | Path | None = None) -> ServerInfo | None:
    """The running local server of this home, or None."""
    home = _home(home)
    state = home / "server.json"
    if not state.exists():
        return None
    info = json.loads(state.read_text(encoding="utf-8"))
    if not _is_our_server(info["pid"], home):
        return None
    return ServerInfo(
        uri=f"bolt://127.0.0.1:{info['bolt_port']}", user=USER, password=_password(home),
        database=DATABASE, pid=info["pid"], http_port=info["http_port"],
    )


def start(home: str | Path | None = None, *, bolt_port: int = DEFAULT_BOLT_PORT,
          http_port: int = DEFAULT_HTTP_PORT, timeout: float = START_TIMEOUT) -> ServerInfo:
    """Start the local server (or return the running one) and wait until Bolt and HTTP answer."""
    home = _home(home)
    home.mkdir(parents=True, exist_ok=True)
    running = status(home)
    if running is not None:
        _wait_bolt(running, timeout, None)
        return running
    password = _password(home)
    bolt = _free_port(bolt_port)
    http = _free_port(http_port, {bolt})
    pkg = _package_dir()
    cmd = [
        str(pkg / "jre" / "bin" / "java"), HEAP,
        f"-Darcadedb.server.rootPath={home.resolve()}",
        f"@{_secret_args(home, password)}",  # the password stays out of the process list
        "-Darcadedb.server.httpIncomingHost=127.0.0.1",
        f"-Darcadedb.server.httpIncomingPort={http}",
        "-Darcadedb.server.plugins=Bolt:com.arcadedb.bolt.BoltProtocolPlugin",
        "-Darcadedb.bolt.host=127.0.0.1",
        f"-Darcadedb.bolt.port={bolt}",
        f"-Darcadedb.server.defaultDatabases={DATABASE}[{USER}]",
        "-cp", str(pkg / "jars" / "*"),
        "com.arcadedb.server.ArcadeDBServer",
    ]
    (home / "log").mkdir(exist_ok=True)
    with open(home / "log" / "server.out", "ab") as out:
        proc = subprocess.Popen(cmd, cwd=home, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)
    state = {"pid": proc.pid, "bolt_port": bolt, "http_port": http}
    tmp = home / "server.json.tmp"
    tmp.write_text(json.dumps(state), encoding="utf-8")
    tmp.replace(home / "server.json")
    info = ServerInfo(f"bolt://127.0.0.1:{bolt}", USER, password, DATABASE, proc.pid, http)
    _wait_bolt(info, timeout, proc)
    return info


def _wait_bolt(info: ServerInfo, timeout: float, proc: subprocess.Popen | None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if _bolt_answers(info.bolt_port) and _http_answers(info.http_port):
            return
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"the graph server exited with code {proc.returncode}; see its log/ directory")
        time.sleep(0.1)
    raise RuntimeError(f"the graph server did not answer on {info.uri} within {timeout:.0f} s")


def stop(home: str | Path | None = None, timeout: float = 30.0) -> bool:
    """Stop the local server of this home; True if one was running. Leaves no process behind."""
    home = _home(home)
    info = status(home)
    (home / "server.json").unlink(missing_ok=True)
    if info is None:
        return False
    _terminate(info.pid, timeout)
    return True


def _terminate(pid: int, timeout: float) -> None:
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        _reap(pid)
        if not _alive(pid):
            return
        time.sleep(0.1)
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        return
    while _alive(pid):
        _reap(pid)
        time.sleep(0.05)


def _reap(pid: int) -> None:
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        pass


def http_command(info: ServerInfo, command: str, *, timeout: float = 60.0) -> dict:
    """POST a server command (e.g. "create database x") to the HTTP API."""
    return _post(info, "/api/v1/server", {"command": command}, timeout)


def sql(info: ServerInfo, database: str, command: str, *, timeout: float = 60.0) -> dict:
    """Run one SQL command on a database over HTTP (full-text DDL that Cypher cannot express)."""
    return _post(info, f"/api/v1/command/{database}", {"language": "sql", "command": command}, timeout)


def _post(info: ServerInfo, path: str, body: dict, timeout: float) -> dict:
    import base64
    import urllib.error
    import urllib.request

    token = base64.b64encode(f"{info.user}:{info.password}".encode()).decode()
    req = urllib.request.Request(
        f"http://127.0.0.1:{info.http_port}{path}", data=json.dumps(body).encode("utf-8"), method="POST",
        headers={"Authorization": f"Basic {token}", "Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return json.loads(resp.read() or b"{}")
    except urllib.error.HTTPError as err:
        detail = err.read().decode("utf-8", "replace")
        raise RuntimeError(f"graph server HTTP {err.code} on {path}: {detail[:300]}") from None


def as_dict(info: ServerInfo) -> dict:
    """The server info without the password (for status output)."""
    d = asdict(info)
    d.pop("password")
    return d
