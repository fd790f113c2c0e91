"""Shared fixtures. The graph fixtures are lazy: only tests that ask for them start the ArcadeDB server."""
from __future__ import annotations

import re

import pytest


@pytest.fixture(scope="session")
def graph_server(tmp_path_factory):
    """One local ArcadeDB server for the session, on free loopback ports in a temp dir; stopped by PID."""
    from graph import server

    home = tmp_path_factory.mktemp("arcadedb")
    info = server.start(home, bolt_port=0, http_port=0)
    yield info
    server.stop(home)
    assert server.status(home) is None


@pytest.fixture(scope="module")
def graph(graph_server, request):
    """A fresh, empty database for each test module, with the plankg schema."""
    from graph import server
    from graph.connection import open_graph
    from graph.writer import ensure_schema

    name = "t_" + re.sub(r"\W", "_", request.module.__name__.rsplit(".", 1)[-1])
    server.http_command(graph_server, f"create database {name}")
    with open_graph(graph_server.uri, graph_server.user, graph_server.password, name,
                    http_port=graph_server.http_port) as g:
        ensure_schema(g)
        yield g
    server.http_command(graph_server, f"drop database {name}")
