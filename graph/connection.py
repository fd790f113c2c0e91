"""Open the researcher's graph: the local ArcadeDB server, or any Neo4j 5 server named by NEO4J_URI."""
from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any, Self, TypeVar

from neo4j import GraphDatabase, ManagedTransaction
from neo4j.exceptions import AuthError, ConfigurationError, ServiceUnavailable, SessionExpired

from graph import server
from graph.dialect import ARCADEDB, Dialect, detect

T = TypeVar("T")


class GraphUnavailable(RuntimeError):
    """The database cannot be reached or refuses the credentials (one-line message, no password)."""


class Graph:
    """A driver bound to one database, with its dialect; use as a context manager."""

    def __init__(self, driver, database: str | None, dialect: Dialect, info: server.ServerInfo | None = None):
        self.driver, self.database, self.dialect, self.info = driver, database, dialect, info

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.driver.close()

    def __repr__(self) -> str:
        return f"Graph(database={self.database!r}, dialect={self.dialect.name!r})"

    def execute_write(self, work: Callable[[ManagedTransaction], T]) -> T:
        """Run `work(tx)` in one managed write transaction (retried on transient errors)."""
        with self.driver.session(database=self.database) as session:
            return session.execute_write(work)

    def execute_read(self, work: Callable[[ManagedTransaction], T]) -> T:
        with self.driver.session(database=self.database) as session:
            return session.execute_read(work)

    def read(self, statement: str, params: dict[str, Any] | None = None) -> list[dict]:
        """One read-only statement in a read transaction; rows as dicts."""
        return self.execute_read(lambda tx: tx.run(statement, params or {}).data())

    def write(self, statement: str, params: dict[str, Any] | None = None) -> list[dict]:
        return self.execute_write(lambda tx: tx.run(statement, params or {}).data())

    def sql(self, command: str) -> dict:
        """An ArcadeDB SQL command over HTTP (only the ArcadeDB dialect needs this)."""
        if self.info is None:
            raise GraphUnavailable("SQL needs the ArcadeDB HTTP port; open the graph with http_port=")
        return server.sql(self.info, self.database, command)


def open_graph(uri: str | None = None, user: str | None = None, password: str | None = None,
               database: str | None = None, *, http_port: int | None = None, home=None) -> Graph:
    """Connect to the graph.

    Without `uri` and without NEO4J_URI in the environment, the local ArcadeDB server is started if
    needed; otherwise NEO4J_URI / NEO4J_USERNAME / NEO4J_PASSWORD / NEO4J_DATABASE (or the arguments)
    name a Neo4j 5 server. The dialect is read from the server's Bolt agent string.
    """
    uri = uri or os.environ.get("NEO4J_URI")
    info = None
    if uri is None:
        try:
            info = server.start(home)
        except (RuntimeError, OSError) as err:
            raise GraphUnavailable(f"cannot start the local graph server: {err}") from None
        uri, user, password = info.uri, info.user, info.password
        database = database or info.database
    else:
        user = user or os.environ.get("NEO4J_USERNAME", "neo4j")
        password = password if password is not None else os.environ.get("NEO4J_PASSWORD", "")
        database = database or os.environ.get("NEO4J_DATABASE") or None
    try:
        driver = GraphDatabase.driver(uri, auth=(user, password))
        driver.verify_connectivity()
        dialect = detect(driver.get_server_info().agent)
    except (ServiceUnavailable, SessionExpired, AuthError, ConfigurationError, OSError, ValueError) as err:
        reason = str(err).splitlines()[0] if str(err) else type(err).__name__
        if password:
            reason = reason.replace(password, "***")
        raise GraphUnavailable(f"graph database unreachable at {uri}: {reason}") from None
    if dialect is ARCADEDB and info is None:
        info = server.ServerInfo(uri, user, password, database or server.DATABASE, 0,
                                 http_port or server.DEFAULT_HTTP_PORT)
    if dialect is ARCADEDB and database is None:
        database = server.DATABASE
    return Graph(driver, database, dialect, info)
