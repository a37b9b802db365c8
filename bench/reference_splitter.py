#!/usr/bin/env python3
"""Reference for the benchmark: a simple regex splitter doing less work than `minutes`.

Reads each file, splits its lines into numbered paragraphs ("1.", "2.3", "(a)") and flags
RESOLVED lines, and prints one compact JSON document per line (ndjson), in sorted input order.
`--jobs N` uses N processes (multiprocessing, ordered imap). Usage:

    reference_splitter.py [--jobs N] FILE... > out.ndjson
"""
import json
import multiprocessing
import re
import sys

LABEL = re.compile(r"^\s*(\d+(?:\.\d+)*[.)]?|\([a-z0-9]{1,4}\))\s+(.*)$")
RESOLVED = re.compile(r"\bRESOLVED\b", re.IGNORECASE)


def split(path):
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        return json.dumps({"error": {"path": path, "reason": str(e)}}) + "\n"
    text = data.decode("utf-8", errors="replace")
    paragraphs, resolutions = [], []
    current = None
    pos = 0
    for line in text.splitlines(keepends=True):
        m = LABEL.match(line)
        if m:
            current = {"number": m.group(1), "text": m.group(2).strip(), "span": [pos, pos + len(line)]}
            paragraphs.append(current)
        elif current is not None and line.strip():
            current["text"] += " " + line.strip()
            current["span"][1] = pos + len(line)
        if RESOLVED.search(line):
            resolutions.append({"text": line.strip(), "span": [pos, pos + len(line)]})
        pos += len(line)
    doc = {"path": path, "bytes": len(data), "paragraphs": paragraphs, "resolutions": resolutions}
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n"


def main(argv):
    jobs = 1
    if len(argv) >= 2 and argv[0] == "--jobs":
        jobs, argv = int(argv[1]), argv[2:]
    files = sorted(argv)
    out = sys.stdout
    if jobs == 1:
        for f in files:
            out.write(split(f))
    else:
        with multiprocessing.Pool(jobs) as pool:
            for line in pool.imap(split, files, chunksize=8):
                out.write(line)
    out.flush()


if __name__ == "__main__":
    main(sys.argv[1:])
