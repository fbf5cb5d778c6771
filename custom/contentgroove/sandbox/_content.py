"""Deterministic stand-ins for what processing produces: a transcript, a duration, clips."""

from __future__ import annotations

import mimetypes
import random
from urllib.parse import urlsplit

import attrs

__all__ = ["GeneratedClip", "GeneratedMedia", "fetch_error_reason", "generate", "guess_type"]

_SENTENCES = (
    "Welcome back to the channel, today we are looking at something a little different.",
    "The capsule splashed down south of Bermuda after two full orbits of the Earth.",
    "Recovery crews reached the spacecraft within an hour of the landing.",
    "Doctors at the base hospital found the passenger tired but in good health.",
    "Every lever in the cabin had to be pulled in the right order at the right time.",
    "The team rehearsed the whole sequence dozens of times before launch day.",
    "A small fault in the attitude control system shortened the flight.",
    "Engineers on the ground watched the telemetry line by line.",
    "The mission proved that a long flight in orbit could be survived.",
    "It brought the first crewed orbital flight much closer to reality.",
    "Here is the part most people miss when they tell this story.",
    "The training took months, and most of it happened far from any camera.",
    "If you only remember one thing from this video, remember this.",
    "Preparation beats improvisation when the margins are this thin.",
    "The cameras on board recorded everything from launch to splashdown.",
    "Reporters waited on the dock for hours to get the first photographs.",
    "The next flight would carry an astronaut instead of a passenger.",
    "Public interest in the space program peaked that winter.",
    "Let us look at the numbers behind the flight for a moment.",
    "The whole trip lasted a little over three hours from start to finish.",
    "Thanks for watching, and let us know in the comments what you think.",
    "That is the short version, now let us go through it step by step.",
    "Nobody on the team expected the reaction it got around the world.",
    "A few details from the original footage are worth a second look.",
)

_AUDIO_EXTENSIONS = {".aac", ".mp3", ".flac", ".ogg", ".wav", ".wma", ".m4a"}


@attrs.frozen(kw_only=True)
class GeneratedClip:
    """A suggested clip: rank, times, and its span of the transcript."""

    rank: int
    name: str
    start_time: float
    end_time: float
    start_char: int
    end_char: int
    text: str


@attrs.frozen(kw_only=True)
class GeneratedMedia:
    """The outcome of processing a media successfully."""

    duration: float
    width: int | None
    height: int | None
    transcript: str
    clips: tuple[GeneratedClip, ...]


def guess_type(source_url: str | None, declared: str | None) -> str:
    """Content type of a source: the upload's declared type, else from the URL's extension."""
    if declared:
        base = declared.split(";", 1)[0].strip().lower()
        if base.startswith(("audio/", "video/")):
            return base
    if source_url:
        path = urlsplit(source_url).path.lower()
        ext = path[path.rfind(".") :] if "." in path else ""
        if ext in _AUDIO_EXTENSIONS:
            return {".mp3": "audio/mpeg", ".m4a": "audio/mp4"}.get(ext, f"audio/{ext[1:]}")
        guessed, _ = mimetypes.guess_type(path)
        if guessed and guessed.startswith(("audio/", "video/")):
            return guessed
    return "video/mp4"


def fetch_error_reason(source_url: str) -> str | None:
    """Why the sandbox cannot "fetch" ``source_url``, or None when it can.

    The rule: only absolute ``http``/``https`` URLs with a host are fetchable, and hosts under
    the reserved ``.invalid`` top-level domain (RFC 2606) always fail, e.g.
    ``https://media.invalid/video.mp4``.
    """
    try:
        parts = urlsplit(source_url)
        host = parts.hostname
    except ValueError:
        return "not a valid URL"
    if parts.scheme.lower() not in ("http", "https"):
        return "not an http(s) URL"
    if not host:
        return "no host"
    if host.rstrip(".").lower().endswith(".invalid") or host.lower() == "invalid":
        return "host under .invalid"
    return None


def _clip_name(text: str) -> str:
    words = text.split()[:6]
    return " ".join(words).rstrip(".,;:!?").lower()


def generate(media_id: str, content_type: str) -> GeneratedMedia:
    """The transcript, duration and 3-5 ranked clips of a media (same id, same result)."""
    rng = random.Random(media_id)
    sentences = rng.sample(_SENTENCES, rng.randint(12, 18))
    transcript = " ".join(sentences)
    words = len(transcript.split())
    duration = round(words * 0.42 + rng.uniform(2.0, 8.0), 6)
    is_audio = content_type.startswith("audio/")
    sizes = ((1280, 720), (1920, 1080), (320, 240))
    width, height = (None, None) if is_audio else rng.choice(sizes)

    # Sentence spans in the transcript.
    spans: list[tuple[int, int]] = []
    pos = 0
    for sentence in sentences:
        spans.append((pos, pos + len(sentence)))
        pos += len(sentence) + 1

    count = rng.randint(3, 5)
    chunk = len(sentences) // count
    ranks = list(range(count))
    rng.shuffle(ranks)
    per_char = duration / len(transcript)
    clips = []
    for i in range(count):
        first = i * chunk + rng.randrange(max(1, chunk - 1))
        last = min(first + rng.randint(1, 2), (i + 1) * chunk) - 1
        start_char, end_char = spans[first][0], spans[last][1]
        text = transcript[start_char:end_char]
        clips.append(
            GeneratedClip(
                rank=ranks[i],
                name=_clip_name(text),
                start_time=round(start_char * per_char, 2),
                end_time=round(end_char * per_char, 2),
                start_char=start_char,
                end_char=end_char,
                text=text,
            )
        )
    clips.sort(key=lambda c: c.rank)
    return GeneratedMedia(
        duration=duration, width=width, height=height, transcript=transcript, clips=tuple(clips)
    )


def span_for_times(transcript: str, duration: float, start: float, end: float) -> tuple[int, int]:
    """Character span of ``transcript`` spoken between ``start`` and ``end`` seconds."""
    if duration <= 0:
        return 0, 0
    n = len(transcript)
    start_char = max(0, min(n, int(start / duration * n)))
    end_char = max(start_char, min(n, int(end / duration * n)))
    return start_char, end_char
