FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    DATABASE_PATH=/data/bot.sqlite3

WORKDIR /app
RUN useradd --create-home --uid 10001 bot && mkdir /data && chown bot /data

# Runtime dependencies exactly as locked, every file checked against its hash; a layer of its
# own, rebuilt only when the lock changes.
COPY requirements.txt ./
RUN pip install --require-hashes -r requirements.txt
COPY pyproject.toml README.md ./
COPY bot bot
COPY handlers handlers
COPY locales locales
COPY tools tools
# The project itself without dependencies (all came from the lock above). Editable: the code and
# locales/ stay together under /app.
RUN pip install --no-deps -e . && python tools/i18n.py compile

USER bot
VOLUME ["/data"]
EXPOSE 8080
# Healthy while a bot process holds the database lock and PRAGMA quick_check finds it sound.
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s CMD ["python", "-m", "bot", "health"]
# Polling, named: with no BOT_TOKEN the container exits with status 2 and one line saying so, so
# a restart policy or orchestrator sees it (`python -m bot webhook` runs the webhook instead).
CMD ["python", "-m", "bot", "polling"]
