"""LibreTranslate and DeepL look-alikes on 127.0.0.1, answering as their public APIs document.

The Russian text decides what goes wrong: «медленно» answers late, «сломано» gives status 500,
«мусор» a body that is not JSON, «пусто» JSON without the translation, «квота» DeepL's 456.
"""

from __future__ import annotations

import asyncio
from typing import Any

from aiohttp import web

from tests.support.local_server import LocalServer

KEY = "test-key:fx"
SLOW_SECONDS = 2.0


class FakeTranslationService(LocalServer):
    """Both services on one server; `requests` keeps what each call sent."""

    def __init__(self) -> None:
        super().__init__()
        self.requests: list[tuple[str, dict[str, Any], dict[str, str]]] = []

    async def start(self) -> str:
        """Listen on a free port; return the base URL."""
        app = web.Application()
        app.router.add_post("/translate", self._libretranslate)
        app.router.add_post("/v2/translate", self._deepl)
        return await self.serve(app)

    async def _trouble(self, text: str) -> web.Response | None:
        if text == "медленно":
            await asyncio.sleep(SLOW_SECONDS)
        if text == "сломано":
            return web.json_response({"error": "internal"}, status=500)
        if text == "мусор":
            return web.Response(text="<html>not json</html>")
        if text == "пусто":
            return web.json_response({})
        return None

    async def _libretranslate(self, request: web.Request) -> web.Response:
        body = await request.json()
        self.requests.append(("libretranslate", body, dict(request.headers)))
        if body.get("api_key") != KEY:
            return web.json_response({"error": "Invalid API key"}, status=403)
        trouble = await self._trouble(body["q"])
        if trouble is not None:
            return trouble
        return web.json_response({"translatedText": f"[{body['target']}] {body['q']}"})

    async def _deepl(self, request: web.Request) -> web.Response:
        body = await request.json()
        self.requests.append(("deepl", body, dict(request.headers)))
        if request.headers.get("Authorization") != f"DeepL-Auth-Key {KEY}":
            return web.json_response({"message": "Forbidden"}, status=403)
        (text,) = body["text"]
        if text == "квота":
            return web.json_response({"message": "Quota exceeded"}, status=456)
        trouble = await self._trouble(text)
        if trouble is not None:
            return trouble
        translation = {"detected_source_language": "RU", "text": f"[{body['target_lang']}] {text}"}
        return web.json_response({"translations": [translation]})
