"""The ``contentgroove`` command line tool.

::

    export CONTENTGROOVE_API_KEY=...
    contentgroove upload talk.mp4 --wait
    contentgroove medias list --filter name_cont=chimp --sort=-created_at
    contentgroove clips create --media-id ID --name Intro --start 0 --end 12.5
    contentgroove webhooks listen --port 8000 --subscribe --public-url https://example.ngrok.app
    contentgroove sandbox --port 8765

Add ``--json`` to any command for the raw JSON:API resources. Needs the ``cli`` extra
(``pip install 'contentgroove[cli]'``).
"""

from ._app import main

__all__ = ["main"]
