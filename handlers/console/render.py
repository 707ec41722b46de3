"""Draw a platform-neutral Reply as terminal text (no Markdown markers: a heading is underlined,
a note set apart); buttons become numbered choices."""

from __future__ import annotations

import textwrap

from knowledge.replies import Button, Reply, numbered

WIDTH = 100


def render(reply: Reply) -> tuple[str, list[Button]]:
    lines: list[str] = []
    for span in reply.spans:
        if span.style == "bold":
            lines.extend([span.text, "─" * min(len(span.text), WIDTH)])
        elif span.style == "quote":
            for paragraph in span.text.splitlines():
                lines.extend(textwrap.wrap(paragraph, WIDTH, initial_indent="│ ",
                                           subsequent_indent="│ ") or ["│"])
        elif span.style == "italic":
            lines.append(f"— {span.text}")
        else:
            lines.append(span.text)
    buttons = [button for row in reply.buttons for button in row]
    if buttons:
        lines.append("  ".join(f"[{n}] {b.label}" for n, b in numbered(buttons)))
    return "\n".join(lines), buttons
