"""Several API worker processes on one port, each with its own listening socket (`SO_REUSEPORT`).

uvicorn's own multi-worker mode shares one listening socket between its workers, and whichever worker
wakes first accepts every connection waiting in the queue. Clients that keep their connections open
(analysts' tools, a proxy's upstream pool, a load generator) then often all end up on one worker: in the
attribution benchmark all 16 connections sat on one of two workers, which queued every request while
the other one idled. With one socket per worker the kernel spreads new connections over the sockets by
their address hash, so each worker gets its share.

The supervisor is uvicorn's (`Multiprocess`: health checks, replacing dead workers, signal handling);
this only gives every worker slot its own socket, created once by the parent. A replacement worker
takes over its slot's socket, and connections that arrive in between wait in that socket's queue.
"""

from __future__ import annotations

import socket

from uvicorn import Config
from uvicorn.config import STARTUP_FAILURE
from uvicorn.supervisors.multiprocess import Multiprocess, Process, logger


def reuse_port_socket(host: str, port: int, backlog: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    sock.listen(backlog)
    sock.set_inheritable(True)
    return sock


class SocketPerWorker(Multiprocess):
    """uvicorn's supervisor with one socket per worker slot instead of one shared by all."""

    def __init__(self, config: Config, slots: list[socket.socket]) -> None:
        super().__init__(config, sockets=[])
        self.slots = slots
        self.processes_num = len(slots)

    def _start(self, slot: int) -> Process:
        process = Process(self.config, [self.slots[slot]])
        process.start()
        return process

    def init_processes(self) -> None:
        self.processes = [self._start(slot) for slot in range(len(self.slots))]

    def keep_subprocess_alive(self) -> None:
        # uvicorn's version starts a replacement on the shared sockets; here it takes the dead one's slot.
        for slot, process in enumerate(self.processes):
            if self.should_exit.is_set():
                return
            if process.is_alive(timeout=self.config.timeout_worker_healthcheck):
                continue
            process.kill()
            process.join()
            if process.exitcode == STARTUP_FAILURE:
                # The app cannot start (no database, bad settings): every replacement would fail the same way.
                logger.error(f"Child process [{process.pid}] failed to start, stopping the parent process.")
                self.should_exit.set()
                return
            logger.info(f"Child process [{process.pid}] died")
            self.processes[slot] = self._start(slot)

    def restart_all(self) -> None:
        for slot, old in enumerate(self.processes):
            if self.should_exit.is_set():
                return
            old.terminate()
            old.join()
            self.processes[slot] = self._start(slot)

    def handle_ttin(self) -> None:
        logger.warning("Received SIGTTIN: the worker count is fixed at start (--workers)")

    def handle_ttou(self) -> None:
        logger.warning("Received SIGTTOU: the worker count is fixed at start (--workers)")


def run_workers(config: Config, workers: int) -> None:
    """Serves `config`'s app from `workers` processes on `config.host:config.port` until signalled."""
    slots = [reuse_port_socket(config.host, config.port, config.backlog) for _ in range(workers)]
    try:
        SocketPerWorker(config, slots).run()
    finally:
        for sock in slots:
            sock.close()
