"""Splitting a Windows command line into arguments, as the Microsoft C runtime does."""
from __future__ import annotations


def split(cmdline: str) -> list[str]:
    """argv per the msvcrt rules: the program name ends at the first space outside quotes (no escapes);
    then arguments split on blanks, 2n backslashes + quote -> n backslashes and a quote toggle,
    2n+1 backslashes + quote -> n backslashes and a literal quote, "" inside quotes -> a literal quote."""
    args: list[str] = []
    i, n = 0, len(cmdline)
    # program name
    name = ""
    inq = False
    while i < n and (inq or cmdline[i] not in " \t"):
        if cmdline[i] == '"':
            inq = not inq
        else:
            name += cmdline[i]
        i += 1
    args.append(name)
    while True:
        while i < n and cmdline[i] in " \t":
            i += 1
        if i >= n:
            break
        cur = ""
        inq = False
        while i < n and (inq or cmdline[i] not in " \t"):
            c = cmdline[i]
            if c == "\\":
                j = i
                while j < n and cmdline[j] == "\\":
                    j += 1
                nbs = j - i
                if j < n and cmdline[j] == '"':
                    cur += "\\" * (nbs // 2)
                    if nbs % 2:
                        cur += '"'
                        i = j + 1
                    else:
                        i = j
                    continue
                cur += "\\" * nbs
                i = j
                continue
            if c == '"':
                if inq and i + 1 < n and cmdline[i + 1] == '"':
                    cur += '"'
                    i += 2
                    continue
                inq = not inq
                i += 1
                continue
            cur += c
            i += 1
        args.append(cur)
    return args
