"""Slide-sized charts (16:9) of the event, drawn by the report's chart
builders from the materials' event (relabelled in blind mode), each centred
on an exact 16:9 canvas so it fills a slide without stretching."""

from __future__ import annotations

import io

from ..compare.model import Event

#: Pixel size of a slide chart (16:9).
SLIDE = (1600, 900)
#: The charts worth a slide in class (the others stay in the full report).
SLIDE_CHARTS = ("density", "naming", "voice")


def slide_charts(event: Event) -> dict[str, bytes]:
    """``<event>-<chart>.png`` → PNG bytes, 1600×900."""
    from PIL import Image

    from ..report import charts
    from ..report._common import chart_filename

    out: dict[str, bytes] = {}
    for name, fig in charts.event_charts(event).items():
        if name not in SLIDE_CHARTS:
            continue
        png = charts.figure_png(fig)
        with Image.open(io.BytesIO(png)) as img:
            img = img.convert("RGB")
            scale = min(SLIDE[0] / img.width, SLIDE[1] / img.height)
            if scale < 1:
                img = img.resize((round(img.width * scale), round(img.height * scale)), Image.LANCZOS)
            canvas = Image.new("RGB", SLIDE, "white")
            canvas.paste(img, ((SLIDE[0] - img.width) // 2, (SLIDE[1] - img.height) // 2))
            buf = io.BytesIO()
            canvas.save(buf, format="PNG", optimize=True)
        out[chart_filename(event, name, "png")] = buf.getvalue()
    return out
