"""An aiohttp application served on a free port of 127.0.0.1, for the fake services tests start."""

from __future__ import annotations

from aiohttp import web


class LocalServer:
    """Serves an application until stopped; `base_url` says where."""

    def __init__(self) -> None:
        self._runner: web.AppRunner | None = None
        self.base_url = ""

    async def serve(self, app: web.Application) -> str:
        """Listen on a free port; return the base URL."""
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.base_url = f"http://127.0.0.1:{port}"
        return self.base_url

    async def stop(self) -> None:
        """Close the server."""
        if self._runner is not None:
            await self._runner.cleanup()
