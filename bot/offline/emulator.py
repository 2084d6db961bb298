"""An in-process Telegram Bot API with Telegram's own refusals.

The console chat runs the real dispatcher against it with no network, and the test rig serves
it over HTTP so the bot process talks to it exactly as it talks to Telegram.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import re
import time
from collections import defaultdict, deque
from dataclasses import dataclass, field
from typing import Any

from bot.telegram.html_rules import HtmlError, telegram_length, to_plain_text

BOT_USER = {
    "id": 100_000,
    "is_bot": True,
    "first_name": "Ozon AM Helper",
    "username": "ozon_am_bot",
}
MAX_TEXT = 4096
MAX_CALLBACK_DATA_BYTES = 64
MAX_COPY_TEXT = 256
MAX_CALLBACK_ANSWER = 200
MAX_CAPTION = 1024
_COMMAND = re.compile(r"^[a-z0-9_]{1,32}$")
# What a user's client sends for media the bot does not read.
MEDIA: dict[str, Any] = {
    "sticker": {
        "file_id": "s",
        "file_unique_id": "s",
        "type": "regular",
        "width": 1,
        "height": 1,
        "is_animated": False,
        "is_video": False,
    },
    "photo": [{"file_id": "p", "file_unique_id": "p", "width": 1, "height": 1}],
}
_SEND_METHODS = {"sendmessage", "senddocument"}
# What Telegram delivers when getUpdates names no types.
_DEFAULT_UPDATE_TYPES = frozenset(
    {
        "message",
        "edited_message",
        "channel_post",
        "edited_channel_post",
        "callback_query",
        "my_chat_member",
        "inline_query",
        "chosen_inline_result",
    }
)


class AnswerLost(Exception):
    """The call was carried out, but its answer never reaches the bot (a dropped connection,
    a timeout): the transport in front of the emulator turns this into a network error."""


class ApiRefusal(Exception):
    """What Telegram answers instead of a result."""

    def __init__(self, status: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.retry_after = retry_after

    def body(self) -> dict[str, Any]:
        """The JSON Telegram sends back."""
        body: dict[str, Any] = {
            "ok": False,
            "error_code": self.status,
            "description": self.description,
        }
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        return body


@dataclass
class SentMessage:
    """A message the bot sent, as the user's client would hold it."""

    chat_id: int
    message_id: int
    text: str
    html: str
    reply_markup: dict[str, Any] | None
    disable_notification: bool = False
    document: tuple[str, bytes] | None = None
    at: float = field(default_factory=time.monotonic)  # when it was sent

    def buttons(self) -> list[dict[str, Any]]:
        """Inline buttons, row by row flattened."""
        if not self.reply_markup:
            return []
        return [button for row in self.reply_markup.get("inline_keyboard", []) for button in row]


@dataclass
class RateLimits:
    """Telegram's flood limits, enforced when set (benchmarks and flood tests turn them on).

    Messages (sent or edited) count: at most `per_second` in any second overall; per private
    chat a burst of `chat_burst` that refills at `per_chat_per_second`; per group chat at most
    `group_per_minute` in any minute.
    """

    per_second: int = 30
    per_chat_per_second: float = 1.0
    chat_burst: int = 3
    group_per_minute: int = 20


@dataclass
class Injected:
    """A refusal queued for the next call of a method."""

    status: int
    description: str
    retry_after: int | None = None


@dataclass
class BotApiEmulator:
    """Holds the chats, validates every call like Telegram, and queues user updates."""

    rate_limits: RateLimits | None = None
    messages: dict[tuple[int, int], SentMessage] = field(default_factory=dict)
    calls: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    refusals: list[tuple[str, ApiRefusal]] = field(default_factory=list)
    blocked_chats: set[int] = field(default_factory=set)
    commands: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    descriptions: dict[str, dict[str, str]] = field(default_factory=dict)
    _injected: dict[str, deque[Injected]] = field(default_factory=lambda: defaultdict(deque))
    _next_message_id: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _next_update_id: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _next_callback_id: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _open_callbacks: set[str] = field(default_factory=set)
    _updates: deque[dict[str, Any]] = field(default_factory=deque)
    _update_ready: asyncio.Event = field(default_factory=asyncio.Event)
    _sent_times: deque[float] = field(default_factory=deque)
    _chat_tokens: dict[int, tuple[float, float]] = field(default_factory=dict)
    _group_sent_times: dict[int, deque[float]] = field(default_factory=dict)
    _lost: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    _outages: dict[str, tuple[float, int]] = field(default_factory=dict)
    revision: int = 0
    _last_changed: dict[int, int] = field(default_factory=dict)

    # -- the user's side -------------------------------------------------------------------

    def user_message(
        self,
        user_id: int,
        text: str,
        *,
        language_code: str = "zh-hans",
        chat_type: str = "private",
    ) -> dict[str, Any]:
        """Queue a text message the user typed; return the update."""
        return self._queue(
            {
                "message": {
                    "message_id": next(self._next_message_id),
                    "date": int(time.time()),
                    "chat": {"id": user_id, "type": chat_type, "first_name": "Seller"},
                    "from": _user(user_id, language_code),
                    "text": text,
                    **_command_entities(text),
                }
            }
        )

    def user_media(self, user_id: int, kind: str) -> dict[str, Any]:
        """Queue a sticker or photo the user sent; return the update."""
        return self._queue(
            {
                "message": {
                    "message_id": next(self._next_message_id),
                    "date": int(time.time()),
                    "chat": {"id": user_id, "type": "private", "first_name": "Seller"},
                    "from": _user(user_id, "zh-hans"),
                    kind: MEDIA[kind],
                }
            }
        )

    def user_press(
        self, user_id: int, message_id: int, data: str, *, language_code: str = "zh-hans"
    ) -> dict[str, Any]:
        """Queue a button press on a message the bot sent; return the update."""
        sent = self.messages.get((user_id, message_id))
        message = (
            {
                "message_id": message_id,
                "date": int(time.time()),
                "chat": {"id": user_id, "type": "private", "first_name": "Seller"},
                "from": BOT_USER,
                "text": sent.text if sent else "",
            }
            if sent
            else None
        )
        callback_id = str(next(self._next_callback_id))
        self._open_callbacks.add(callback_id)
        query: dict[str, Any] = {
            "id": callback_id,
            "from": _user(user_id, language_code),
            "chat_instance": str(user_id),
            "data": data,
        }
        if message:
            query["message"] = message
        return self._queue({"callback_query": query})

    def block(self, user_id: int) -> dict[str, Any]:
        """The user blocks the bot: sends to them are refused, the bot is told (kicked)."""
        self.blocked_chats.add(user_id)
        return self._member_update(user_id, old="member", new="kicked")

    def unblock(self, user_id: int) -> dict[str, Any]:
        """The user unblocks the bot (restarts it): the bot is told (member)."""
        self.blocked_chats.discard(user_id)
        return self._member_update(user_id, old="kicked", new="member")

    def _member_update(self, user_id: int, *, old: str, new: str) -> dict[str, Any]:
        chat = {"id": user_id, "type": "private", "first_name": "Seller"}

        def member(status: str) -> dict[str, Any]:
            body: dict[str, Any] = {"status": status, "user": BOT_USER}
            if status == "kicked":
                body["until_date"] = 0
            return body

        return self._queue(
            {
                "my_chat_member": {
                    "chat": chat,
                    "from": _user(user_id, "zh-hans"),
                    "date": int(time.time()),
                    "old_chat_member": member(old),
                    "new_chat_member": member(new),
                }
            }
        )

    def queue_update(self, update: dict[str, Any]) -> dict[str, Any]:
        """Queue any raw update (photos, group posts, edited messages...)."""
        return self._queue(update)

    def last_message(self, chat_id: int) -> SentMessage | None:
        """The message the bot sent or edited most recently in a chat."""
        message_id = self._last_changed.get(chat_id)
        return self.messages.get((chat_id, message_id)) if message_id is not None else None

    def chat_messages(self, chat_id: int) -> list[SentMessage]:
        """Everything the bot has sent to a chat, oldest first."""
        return sorted(
            (message for (chat, _), message in self.messages.items() if chat == chat_id),
            key=lambda message: message.message_id,
        )

    def open_callbacks(self) -> set[str]:
        """Callback queries the bot has not answered yet."""
        return set(self._open_callbacks)

    def inject(
        self, method: str, status: int, description: str, retry_after: int | None = None
    ) -> None:
        """Make the next call of `method` fail as Telegram would (429, 403, 500...)."""
        self._injected[method.lower()].append(Injected(status, description, retry_after))

    def lose_answers(self, method: str, count: int) -> None:
        """Carry out the next `count` calls of `method`, but lose their answers."""
        self._lost[method.lower()] += count

    def outage(self, method: str, seconds: float, status: int = 502) -> None:
        """Answer every call of `method` with a server error for the next `seconds`."""
        self._outages[method.lower()] = (time.monotonic() + seconds, status)

    def sent_text(self, chat_id: int, marker: str) -> list[SentMessage]:
        """Messages in a chat whose text contains `marker`, oldest first."""
        return [message for message in self.chat_messages(chat_id) if marker in message.text]

    # -- the bot's side --------------------------------------------------------------------

    async def call(
        self, method: str, params: dict[str, Any], files: dict[str, tuple[str, bytes]]
    ) -> tuple[int, dict[str, Any]]:
        """Handle one Bot API call; return the HTTP status and the JSON body."""
        name = method.lower()
        self.calls.append((name, params))
        try:
            if self._injected[name]:
                injected = self._injected[name].popleft()
                raise ApiRefusal(injected.status, injected.description, injected.retry_after)
            until, status = self._outages.get(name, (0.0, 0))
            if time.monotonic() < until:
                raise ApiRefusal(status, "Bad Gateway" if status == 502 else "Internal Error")
            result = await self._dispatch(name, params, files)
        except ApiRefusal as refusal:
            self.refusals.append((name, refusal))
            return refusal.status, refusal.body()
        if self._lost[name] > 0:
            self._lost[name] -= 1
            raise AnswerLost(name)
        return 200, {"ok": True, "result": result}

    async def _dispatch(
        self, name: str, params: dict[str, Any], files: dict[str, tuple[str, bytes]]
    ) -> Any:
        if name == "getupdates":
            return await self._get_updates(params)
        if name == "getme":
            return BOT_USER
        if name in _SEND_METHODS:
            return await self._send(name, params, files)
        if name == "editmessagetext":
            return await self._edit_text(params)
        if name == "editmessagereplymarkup":
            return await self._edit_markup(params)
        if name == "answercallbackquery":
            return self._answer_callback(params)
        if name == "setmycommands":
            return self._set_commands(params)
        if name in {"setmydescription", "setmyshortdescription"}:
            self.descriptions.setdefault(name, {})[params.get("language_code", "")] = params.get(
                "description" if name == "setmydescription" else "short_description", ""
            )
            return True
        if name in {"deletewebhook", "setwebhook", "deletemessage", "sendchataction"}:
            return True
        raise ApiRefusal(404, "Not Found: method not found")

    async def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        allowed = _json(params.get("allowed_updates"))
        wanted = frozenset(allowed) if allowed else _DEFAULT_UPDATE_TYPES
        # Telegram drops what the bot did not ask for.
        self._updates = deque(
            update for update in self._updates if update.keys() - {"update_id"} <= wanted
        )
        while self._updates and self._updates[0]["update_id"] < offset:
            self._updates.popleft()
        if not self._updates:
            self._update_ready.clear()
            timeout = float(params.get("timeout") or 0)
            try:
                await asyncio.wait_for(self._update_ready.wait(), min(timeout, 1.0))
            except TimeoutError:
                return []
        limit = int(params.get("limit") or 100)
        return list(itertools.islice(self._updates, limit))

    async def _send(
        self, name: str, params: dict[str, Any], files: dict[str, tuple[str, bytes]]
    ) -> dict[str, Any]:
        chat_id = int(params["chat_id"])
        if chat_id in self.blocked_chats:
            raise ApiRefusal(403, "Forbidden: bot was blocked by the user")
        self._check_rate(chat_id)
        markup = _json(params.get("reply_markup"))
        _check_markup(markup)
        if name == "sendmessage":
            html_text = str(params.get("text", ""))
            plain = _check_text(html_text, MAX_TEXT, params.get("parse_mode"))
            document = None
        else:
            html_text = str(params.get("caption", ""))
            plain = _check_text(html_text, MAX_CAPTION, params.get("parse_mode"), allow_empty=True)
            document = files.get(str(params.get("document", "")).removeprefix("attach://"))
            if document is None:
                raise ApiRefusal(400, "Bad Request: there is no document in the request")
        message = SentMessage(
            chat_id=chat_id,
            message_id=next(self._next_message_id),
            text=plain,
            html=html_text,
            reply_markup=markup,
            disable_notification=str(params.get("disable_notification")).lower() == "true",
            document=document,
        )
        self._store(message)
        return _message_json(message)

    async def _edit_text(self, params: dict[str, Any]) -> dict[str, Any]:
        message = self._find(params)
        self._check_rate(message.chat_id)
        html_text = str(params.get("text", ""))
        plain = _check_text(html_text, MAX_TEXT, params.get("parse_mode"))
        markup = _json(params.get("reply_markup"))
        _check_markup(markup)
        if html_text == message.html and markup == message.reply_markup:
            raise ApiRefusal(
                400,
                "Bad Request: message is not modified: specified new message content and reply "
                "markup are exactly the same as a current content and reply markup of the message",
            )
        message.text, message.html, message.reply_markup = plain, html_text, markup
        self._store(message)
        return _message_json(message)

    async def _edit_markup(self, params: dict[str, Any]) -> dict[str, Any]:
        message = self._find(params)
        self._check_rate(message.chat_id)
        markup = _json(params.get("reply_markup"))
        _check_markup(markup)
        if markup == message.reply_markup:
            raise ApiRefusal(400, "Bad Request: message is not modified")
        message.reply_markup = markup
        self._store(message)
        return _message_json(message)

    def _answer_callback(self, params: dict[str, Any]) -> bool:
        callback_id = str(params.get("callback_query_id"))
        if callback_id not in self._open_callbacks:
            raise ApiRefusal(
                400,
                "Bad Request: query is too old and response timeout expired or query ID is "
                "invalid",
            )
        text = params.get("text") or ""
        if len(text) > MAX_CALLBACK_ANSWER:
            raise ApiRefusal(400, "Bad Request: MESSAGE_TOO_LONG")
        self._open_callbacks.discard(callback_id)
        return True

    def _set_commands(self, params: dict[str, Any]) -> bool:
        commands = _json(params.get("commands")) or []
        if len(commands) > 100:
            raise ApiRefusal(400, "Bad Request: too many commands")
        for command in commands:
            if not _COMMAND.match(command.get("command", "")):
                raise ApiRefusal(400, "Bad Request: BOT_COMMAND_INVALID")
            if not 1 <= len(command.get("description", "")) <= 256:
                raise ApiRefusal(400, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID")
        self.commands[params.get("language_code", "")] = commands
        return True

    def _find(self, params: dict[str, Any]) -> SentMessage:
        key = (int(params.get("chat_id", 0)), int(params.get("message_id", 0)))
        if key not in self.messages:
            raise ApiRefusal(400, "Bad Request: message to edit not found")
        return self.messages[key]

    def _check_rate(self, chat_id: int) -> None:
        limits = self.rate_limits
        if limits is None:
            return
        now = time.monotonic()
        while self._sent_times and now - self._sent_times[0] >= 1.0:
            self._sent_times.popleft()
        if len(self._sent_times) >= limits.per_second:
            raise _too_many()
        if chat_id < 0:
            recent = self._group_sent_times.setdefault(chat_id, deque())
            while recent and now - recent[0] >= 60.0:
                recent.popleft()
            if len(recent) >= limits.group_per_minute:
                raise _too_many()
            recent.append(now)
        else:
            tokens, at = self._chat_tokens.get(chat_id, (float(limits.chat_burst), now))
            tokens = min(limits.chat_burst, tokens + (now - at) * limits.per_chat_per_second)
            if tokens < 1.0:
                raise _too_many()
            self._chat_tokens[chat_id] = (tokens - 1.0, now)
        self._sent_times.append(now)

    def _store(self, message: SentMessage) -> None:
        self.messages[(message.chat_id, message.message_id)] = message
        self._last_changed[message.chat_id] = message.message_id
        self.revision += 1

    def _queue(self, update: dict[str, Any]) -> dict[str, Any]:
        update = {"update_id": next(self._next_update_id), **update}
        self._updates.append(update)
        self._update_ready.set()
        return update


def _too_many() -> ApiRefusal:
    return ApiRefusal(429, "Too Many Requests: retry after 1", retry_after=1)


def _user(user_id: int, language_code: str) -> dict[str, Any]:
    return {"id": user_id, "is_bot": False, "first_name": "Seller", "language_code": language_code}


def _command_entities(text: str) -> dict[str, Any]:
    if not text.startswith("/"):
        return {}
    length = len(text.split(maxsplit=1)[0].encode("utf-16-le")) // 2
    return {"entities": [{"type": "bot_command", "offset": 0, "length": length}]}


def _json(value: Any) -> Any:
    if value is None or value == "":
        return None
    return json.loads(value) if isinstance(value, str) else value


def _check_text(text: str, limit: int, parse_mode: Any, *, allow_empty: bool = False) -> str:
    if parse_mode and str(parse_mode).upper() == "HTML":
        try:
            plain = to_plain_text(text)
        except HtmlError as error:
            raise ApiRefusal(400, f"Bad Request: can't parse entities: {error}") from error
    else:
        plain = text
    if not plain.strip() and not allow_empty:
        raise ApiRefusal(400, "Bad Request: message text is empty")
    if telegram_length(plain) > limit:
        raise ApiRefusal(400, "Bad Request: message is too long")
    return plain


def _check_markup(markup: dict[str, Any] | None) -> None:
    if not markup:
        return
    for row in markup.get("inline_keyboard", []):
        for button in row:
            if not button.get("text"):
                raise ApiRefusal(
                    400, "Bad Request: text buttons are unallowed in the inline keyboard"
                )
            data = button.get("callback_data")
            if data is not None and not 1 <= len(data.encode()) <= MAX_CALLBACK_DATA_BYTES:
                raise ApiRefusal(400, "Bad Request: BUTTON_DATA_INVALID")
            copy = button.get("copy_text")
            if copy is not None and not 1 <= len(copy.get("text", "")) <= MAX_COPY_TEXT:
                raise ApiRefusal(400, "Bad Request: COPY_TEXT_INVALID")


def _message_json(message: SentMessage) -> dict[str, Any]:
    body: dict[str, Any] = {
        "message_id": message.message_id,
        "date": int(time.time()),
        "chat": {"id": message.chat_id, "type": "private", "first_name": "Seller"},
        "from": BOT_USER,
    }
    if message.document:
        body["document"] = {
            "file_id": f"doc{message.message_id}",
            "file_unique_id": "u",
            "file_name": message.document[0],
        }
        if message.html:
            body["caption"] = message.text
    else:
        body["text"] = message.text
    if message.reply_markup:
        body["reply_markup"] = message.reply_markup
    return body
