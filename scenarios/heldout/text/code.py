"""Small pieces of source code and diffs, as people paste them."""

from __future__ import annotations

import random

_NOUNS = (
    "user",
    "order",
    "item",
    "row",
    "record",
    "invoice",
    "token",
    "event",
    "node",
    "file",
    "msg",
    "payload",
    "config",
    "cart",
    "account",
    "job",
    "task",
    "entry",
    "result",
    "price",
)
_VERBS = (
    "load",
    "parse",
    "fetch",
    "save",
    "update",
    "validate",
    "compute",
    "render",
    "sync",
    "build",
    "merge",
    "filter",
    "normalize",
    "send",
    "process",
)


def _ident(rng: random.Random) -> str:
    return f"{rng.choice(_VERBS)}_{rng.choice(_NOUNS)}s" if rng.random() < 0.5 else rng.choice(_NOUNS)


def _python(rng: random.Random) -> str:
    fn, arg, other = _ident(rng), rng.choice(_NOUNS), rng.choice(_NOUNS)
    lines = [f"def {fn}({arg}s, limit={rng.randint(2, 500)}):", "    out = []"]
    lines.append(f"    for {arg} in {arg}s:")
    cond = rng.choice(
        (
            f"{arg}.get('{other}') is None",
            f"len({arg}) > limit",
            f"not {arg}['active']",
            f"{arg}['{other}_id'] in seen",
        )
    )
    lines += [f"        if {cond}:", "            continue", f"        out.append({arg}['{other}'])"]
    lines.append(
        rng.choice(("    return out", "    return sorted(out)", "    print(out)", "    return out[0]"))
    )
    return "```python\n" + "\n".join(lines) + "\n```"


def _js(rng: random.Random) -> str:
    noun = rng.choice(_NOUNS)
    verb = rng.choice(_VERBS)
    path = rng.choice(("/api/", "/v1/", "/internal/"))
    return (
        "```js\n"
        f"async function {verb}{noun.capitalize()}(id) {{\n"
        f"  const res = await fetch(`{path}{noun}s/${{id}}`);\n"
        f"  const data = res.json();\n"
        f"  return data.{rng.choice(_NOUNS)}.map(x => x.{rng.choice(_NOUNS)});\n"
        "}\n```"
    )


def _sql(rng: random.Random) -> str:
    a, b = rng.sample(_NOUNS, 2)
    return (
        "```sql\n"
        f"SELECT {a}.id, COUNT({b}.id) AS n\nFROM {a}s {a}\nLEFT JOIN {b}s {b} ON {b}.{a}_id = {a}.id\n"
        f"WHERE {a}.created_at > '2025-{rng.randint(1, 12):02d}-01'\nGROUP BY {a}.id\n"
        f"ORDER BY n {rng.choice(('DESC', 'ASC'))}\nLIMIT {rng.choice((10, 50, 100))};\n```"
    )


def _go(rng: random.Random) -> str:
    noun = rng.choice(_NOUNS)
    return (
        "```go\n"
        f"func Load{noun.capitalize()}s(path string) ([]{noun.capitalize()}, error) {{\n"
        "\tf, err := os.Open(path)\n\tif err != nil {\n\t\treturn nil, err\n\t}\n"
        f"\tvar out []{noun.capitalize()}\n\terr = json.NewDecoder(f).Decode(&out)\n\treturn out, "
        "err\n}\n```"
    )


def snippet(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.45:
        return _python(rng)
    if kind < 0.7:
        return _js(rng)
    if kind < 0.88:
        return _sql(rng)
    return _go(rng)


def diff(rng: random.Random, files: int = 0) -> str:
    """A unified diff touching one to three files."""
    chunks: list[str] = []
    for _ in range(files or rng.randint(1, 3)):
        noun = rng.choice(_NOUNS)
        folder = rng.choice(("src", "lib", "pkg", "app", "internal"))
        ext = rng.choice(("py", "ts", "go", "rs", "js"))
        path = f"{folder}/{noun}/{rng.choice(_VERBS)}.{ext}"
        line = rng.randint(3, 400)
        old = f"    {rng.choice(_VERBS)}({noun}, {rng.randint(1, 99)})"
        new = f"    {rng.choice(_VERBS)}({noun}, {rng.choice(_NOUNS)}={rng.randint(1, 99)})"
        chunks.append(
            f"diff --git a/{path} b/{path}\n--- a/{path}\n+++ b/{path}\n"
            f"@@ -{line},4 +{line},5 @@\n     {noun} = {rng.choice(_VERBS)}(ctx)\n-{old}\n+{new}\n"
            f"+    log.debug('{rng.choice(_VERBS)} {noun}')\n     return {noun}"
        )
    return "\n".join(chunks)
