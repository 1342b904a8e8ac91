"""The Docker-less runtime: a real Neo4j 5.26 with GDS 2.13, driven through graphdatascience."""

from __future__ import annotations

import dataclasses
import os
import signal
import socket
from pathlib import Path

import psutil
import pytest
from graphdatascience import GraphDataScience
from neo4j import Driver
from neo4j.exceptions import AuthError, ConstraintError

from app.platform.neo4j_server import server
from app.platform.settings import Settings


def test_versions_and_algorithms(driver: Driver) -> None:
    with driver.session() as s:
        assert s.run("RETURN gds.version() AS v").single()["v"].startswith("2.13.")
        names = {r["name"] for r in s.run("CALL gds.list() YIELD name RETURN name")}
        components = s.run("CALL dbms.components() YIELD name, versions RETURN name, versions[0] AS v").data()
    assert {"name": "Neo4j Kernel", "v": "5.26.24"} in components
    assert len(names) > 300
    for proc in [
        "gds.louvain.stream",
        "gds.leiden.stream",
        "gds.wcc.stream",
        "gds.nodeSimilarity.stream",
        "gds.knn.stream",
        "gds.fastRP.stream",
        "gds.pageRank.stream",
        "gds.graph.project",
    ]:
        assert proc in names


def test_gds_communities_from_python(settings: Settings, clean_db: Driver) -> None:
    # Two 5-cliques joined by one weak edge plus an isolated pair: three components once the bridge is gone.
    with clean_db.session() as s:
        s.run(
            "UNWIND range(0, 11) AS i "
            "CREATE (:T {i: i, grp: CASE WHEN i < 5 THEN 0 WHEN i < 10 THEN 1 ELSE 2 END})"
        ).consume()
        s.run(
            "MATCH (a:T), (b:T) WHERE a.i < b.i AND a.grp = b.grp AND a.grp < 2 CREATE (a)-[:L {w: 1.0}]->(b)"
        )
        s.run("MATCH (a:T {i: 10}), (b:T {i: 11}) CREATE (a)-[:L {w: 1.0}]->(b)").consume()
        s.run("MATCH (a:T {i: 4}), (b:T {i: 5}) CREATE (a)-[:L {w: 0.1}]->(b)").consume()
    gds = GraphDataScience(settings.neo4j_uri, auth=(settings.neo4j_user, settings.password()))
    try:
        with gds.graph.project.native("t", "T", {"L": {"orientation": "UNDIRECTED", "properties": "w"}}) as g:
            wcc = gds.wcc.stream(g)
            assert wcc["componentId"].nunique() == 2
            louvain = gds.louvain.stream(g, relationship_weight_property="w")
            ids = gds.run_cypher("MATCH (n:T) RETURN id(n) AS nodeId, n.grp AS grp")
            merged = louvain.merge(ids, on="nodeId")
            # Louvain splits at the weak bridge: each clique is one community, and the pair its own.
            assert merged.groupby("grp")["communityId"].nunique().tolist() == [1, 1, 1]
            assert merged["communityId"].nunique() == 3
        assert gds.graph.list() == []
    finally:
        gds.close()


def test_constraint_rejects_duplicate(clean_db: Driver) -> None:
    with clean_db.session() as s:
        s.run("CREATE (:Account {account_id: 'a1'})").consume()
        with pytest.raises(ConstraintError):
            s.run("CREATE (:Account {account_id: 'a1'})").consume()


def test_auth_is_enforced(settings: Settings) -> None:
    from neo4j import GraphDatabase

    with (
        GraphDatabase.driver(settings.neo4j_uri, auth=("neo4j", "wrong-password")) as d,
        pytest.raises(AuthError),
    ):
        d.verify_connectivity()


def test_second_start_is_refused(neo4j_server: server.ServerConfig) -> None:
    with pytest.raises(server.ServerError, match=r"already running .*pid \d+, port \d+"):
        server.start(neo4j_server)


def test_port_in_use_names_port_and_setting(tmp_path: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        cfg = server.ServerConfig(home=tmp_path, port=port, auth=False)
        with pytest.raises(server.ServerError, match=rf"port {port}.*NEO4J_URI"):
            server.start(cfg)


def test_incompatible_store_is_refused_and_kept(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "databases" / "neo4j").mkdir(parents=True)
    (data / "databases" / "neo4j" / "keep.me").write_text("x")
    (data / "linkwatch-store-version").write_text("4.4.0\n")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    cfg = server.ServerConfig(home=tmp_path, port=port, auth=False, heap="512m", pagecache="64m")
    with pytest.raises(server.ServerError, match=r"written by Neo4j 4\.4\.0"):
        server.start(cfg)
    assert (data / "databases" / "neo4j" / "keep.me").read_text() == "x"


def test_sigkill_then_start_recovers(tmp_path: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    cfg = server.ServerConfig(
        home=tmp_path, port=port, auth=True, password="kill-test-pw", heap="512m", pagecache="64m"
    )
    from neo4j import GraphDatabase

    st = server.start(cfg)
    try:
        uri = f"bolt://127.0.0.1:{port}"
        with GraphDatabase.driver(uri, auth=("neo4j", "kill-test-pw")) as d:
            d.execute_query("UNWIND range(1, 500) AS i CREATE (:Survivor {i: i})")
        assert st.pid is not None
        os.kill(st.pid, signal.SIGKILL)
        psutil.Process(st.pid).wait(30)
        st2 = server.start(dataclasses.replace(cfg))
        assert st2.pid != st.pid
        with GraphDatabase.driver(uri, auth=("neo4j", "kill-test-pw")) as d:
            records, _, _ = d.execute_query("MATCH (n:Survivor) RETURN count(n) AS c")
            assert records[0]["c"] == 500
    finally:
        server.stop(cfg)


def test_restart_takes_the_new_password_and_keeps_an_unchanged_one(tmp_path: Path) -> None:
    """A restart with another NEO4J_PASSWORD makes it the password (the old one stops working); one with
    the same password leaves it in force."""
    from neo4j import GraphDatabase

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    uri = f"bolt://127.0.0.1:{port}"
    cfg = server.ServerConfig(
        home=tmp_path, port=port, auth=True, password="first-password", heap="512m", pagecache="64m"
    )
    server.start(cfg)
    server.stop(cfg)
    for _ in range(2):  # changed, then unchanged
        changed = dataclasses.replace(cfg, password="second-password")
        server.start(changed)
        try:
            with GraphDatabase.driver(uri, auth=("neo4j", "second-password")) as d:
                assert d.execute_query("RETURN 1 AS one").records[0]["one"] == 1
            with (
                GraphDatabase.driver(uri, auth=("neo4j", "first-password")) as d,
                pytest.raises(AuthError),
            ):
                d.verify_connectivity()
        finally:
            server.stop(changed)
