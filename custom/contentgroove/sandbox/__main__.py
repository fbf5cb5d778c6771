"""Serve a ContentGroove sandbox: ``python -m contentgroove.sandbox --port 8765``."""

from __future__ import annotations

import argparse
import logging
import re
import sys
from collections.abc import Sequence
from pathlib import Path

import uvicorn

from ._app import create_app
from ._config import DEFAULT_API_KEY, SandboxConfig

__all__ = ["build_parser", "main"]

_SECRET_QUERY = re.compile(r"((?:api_key|signature)=)[^&\s\"]*")


class RedactSecrets(logging.Filter):
    """Remove ``api_key`` and upload ``signature`` values from uvicorn's access-log lines."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Redact the request line in place; never drops a record."""
        if isinstance(record.args, tuple):
            record.args = tuple(
                _SECRET_QUERY.sub(r"\1[REDACTED]", a) if isinstance(a, str) else a
                for a in record.args
            )
        return True


def _delays(text: str) -> tuple[float, ...]:
    try:
        return tuple(float(part) for part in text.split(",") if part.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected comma-separated seconds like 1,2,4,8, got {text!r}"
        ) from None


def build_parser() -> argparse.ArgumentParser:
    """The command-line interface."""
    p = argparse.ArgumentParser(
        prog="python -m contentgroove.sandbox",
        description="Serve an in-memory ContentGroove API for tests, demos and offline work.",
    )
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=8765, help="TCP port (default: 8765)")
    p.add_argument(
        "--api-key",
        action="append",
        dest="api_keys",
        metavar="KEY",
        help=f"accepted API key; repeat for several (default: {DEFAULT_API_KEY})",
    )
    p.add_argument("--processing-seconds", type=float, default=1.0, metavar="S")
    p.add_argument("--clip-processing-seconds", type=float, default=0.5, metavar="S")
    p.add_argument("--media-quota", type=int, metavar="N", help="medias allowed before 402")
    p.add_argument("--clip-quota", type=int, metavar="N", help="clips allowed before 402")
    p.add_argument("--rate-limit", type=int, metavar="N", help="requests per window before 429")
    p.add_argument("--rate-limit-window", type=float, default=60.0, metavar="S")
    p.add_argument("--error-rate", type=float, default=0.0, metavar="P", help="0..1")
    p.add_argument("--error-status", type=int, default=500, metavar="STATUS")
    p.add_argument("--latency", type=float, default=0.0, metavar="S", help="added per request")
    p.add_argument("--seed", type=int, help="seed for ids, content and random errors")
    p.add_argument(
        "--webhook-retry-delays", type=_delays, default=(1.0, 2.0, 4.0, 8.0, 16.0), metavar="S,S,.."
    )
    p.add_argument("--webhook-timeout", type=float, default=5.0, metavar="S")
    p.add_argument("--duplicate-deliveries", action="store_true", help="send each webhook twice")
    p.add_argument("--upload-token-ttl", type=float, default=3600.0, metavar="S")
    p.add_argument("--max-upload-bytes", type=int, default=5 * 1024**3, metavar="N")
    p.add_argument("--upload-dir", type=Path, help="keep uploaded files in this directory")
    p.add_argument("--public-base-url", help="base URL written into links and upload URLs")
    p.add_argument("--log-level", default="info", choices=["debug", "info", "warning", "error"])
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Parse ``argv`` and serve until interrupted."""
    args = build_parser().parse_args(argv)
    try:
        config = SandboxConfig(
            api_keys=args.api_keys or {DEFAULT_API_KEY},
            processing_seconds=args.processing_seconds,
            clip_processing_seconds=args.clip_processing_seconds,
            media_quota=args.media_quota,
            clip_quota=args.clip_quota,
            rate_limit=args.rate_limit,
            rate_limit_window=args.rate_limit_window,
            error_rate=args.error_rate,
            error_status=args.error_status,
            latency_seconds=args.latency,
            seed=args.seed,
            webhook_retry_delays=args.webhook_retry_delays,
            webhook_timeout=args.webhook_timeout,
            duplicate_deliveries=args.duplicate_deliveries,
            upload_token_ttl=args.upload_token_ttl,
            max_upload_bytes=args.max_upload_bytes,
            upload_dir=args.upload_dir,
            public_base_url=args.public_base_url,
        )
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    logging.getLogger("uvicorn.access").addFilter(RedactSecrets())
    url = config.public_base_url or f"http://{args.host}:{args.port}"
    key_note = (
        f"API key: {DEFAULT_API_KEY}"
        if config.api_keys == {DEFAULT_API_KEY}
        else f"{len(config.api_keys)} API key(s) from --api-key"
    )
    print(f"ContentGroove sandbox on {url} ({key_note})", flush=True)
    uvicorn.run(create_app(config), host=args.host, port=args.port, log_level=args.log_level)
    return 0


if __name__ == "__main__":
    sys.exit(main())
