"""msvcrt: the hot memory and string functions as guest x86 code (no trap into Python).

memcpy/memmove/memset/memcmp/memchr, strlen/strcmp/strcpy/strcat/strchr/strrchr/strncmp/strncpy/strncat and
their wide twins run inside the DLL image with rep movs/stos/scas, as the real msvcrt does in assembly.
Comparisons return -1, 0 or 1. memcpy handles overlap like memmove (as msvcrt's memcpy does).
"""
from __future__ import annotations

from ..api import native

D = "msvcrt"

_MEMMOVE = """
    push esi
    push edi
    mov edi, dword ptr [esp+12]
    mov esi, dword ptr [esp+16]
    mov ecx, dword ptr [esp+20]
    mov eax, edi
    cmp edi, esi
    jbe fwd
    lea edx, [esi+ecx]
    cmp edi, edx
    jb back
fwd:
    mov edx, ecx
    shr ecx, 2
    rep movsd dword ptr es:[edi], dword ptr [esi]
    mov ecx, edx
    and ecx, 3
    rep movsb
    pop edi
    pop esi
    ret
back:
    lea esi, [esi+ecx-1]
    lea edi, [edi+ecx-1]
    std
    mov edx, ecx
    and ecx, 3
    rep movsb
    mov ecx, edx
    shr ecx, 2
    sub esi, 3
    sub edi, 3
    rep movsd dword ptr es:[edi], dword ptr [esi]
    cld
    pop edi
    pop esi
    ret
"""
native(D, "memcpy", _MEMMOVE, doc="copy n bytes (overlap-safe); returns dst")
native(D, "memmove", _MEMMOVE, doc="copy n bytes, overlapping allowed; returns dst")

native(D, "memset", """
    push edi
    mov edi, dword ptr [esp+8]
    movzx eax, byte ptr [esp+12]
    mov ecx, dword ptr [esp+16]
    imul eax, eax, 0x01010101
    mov edx, ecx
    shr ecx, 2
    rep stosd
    mov ecx, edx
    and ecx, 3
    rep stosb
    mov eax, dword ptr [esp+8]
    pop edi
    ret
""", doc="fill n bytes with c; returns dst")

native(D, "memcmp", """
    push esi
    push edi
    mov esi, dword ptr [esp+12]
    mov edi, dword ptr [esp+16]
    mov ecx, dword ptr [esp+20]
    xor eax, eax
    repe cmpsb
    je done
    sbb eax, eax
    or eax, 1
done:
    pop edi
    pop esi
    ret
""", doc="compare n bytes (unsigned); -1, 0 or 1")

native(D, "memchr", """
    push edi
    mov edi, dword ptr [esp+8]
    mov eax, dword ptr [esp+12]
    mov ecx, dword ptr [esp+16]
    test ecx, ecx
    jz notfound
    repne scasb
    jne notfound
    lea eax, [edi-1]
    pop edi
    ret
notfound:
    xor eax, eax
    pop edi
    ret
""", doc="first byte c in n bytes, or NULL")

native(D, "strlen", """
    push edi
    mov edi, dword ptr [esp+8]
    xor eax, eax
    mov ecx, 0xffffffff
    repne scasb
    not ecx
    lea eax, [ecx-1]
    pop edi
    ret
""", doc="length of a string")

native(D, "strcmp", """
    mov ecx, dword ptr [esp+4]
    mov edx, dword ptr [esp+8]
lp:
    mov al, byte ptr [ecx]
    cmp al, byte ptr [edx]
    jne diff
    test al, al
    jz same
    inc ecx
    inc edx
    jmp lp
same:
    xor eax, eax
    ret
diff:
    sbb eax, eax
    or eax, 1
    ret
""", doc="compare strings (unsigned bytes); -1, 0 or 1")

native(D, "strcpy", """
    push esi
    push edi
    mov edi, dword ptr [esp+12]
    mov esi, dword ptr [esp+16]
lp:
    lodsb
    stosb
    test al, al
    jnz lp
    mov eax, dword ptr [esp+12]
    pop edi
    pop esi
    ret
""", doc="copy a string; returns dst")

native(D, "strcat", """
    push esi
    push edi
    mov edi, dword ptr [esp+12]
    xor eax, eax
    mov ecx, 0xffffffff
    repne scasb
    dec edi
    mov esi, dword ptr [esp+16]
lp:
    lodsb
    stosb
    test al, al
    jnz lp
    mov eax, dword ptr [esp+12]
    pop edi
    pop esi
    ret
""", doc="append a string; returns dst")

native(D, "strchr", """
    mov eax, dword ptr [esp+4]
    mov dl, byte ptr [esp+8]
lp:
    mov cl, byte ptr [eax]
    cmp cl, dl
    je found
    test cl, cl
    jz nf
    inc eax
    jmp lp
nf:
    xor eax, eax
found:
    ret
""", doc="first occurrence of c (the terminator for c == 0), or NULL")

native(D, "strrchr", """
    mov ecx, dword ptr [esp+4]
    mov dl, byte ptr [esp+8]
    xor eax, eax
lp:
    mov dh, byte ptr [ecx]
    cmp dh, dl
    jne skip
    mov eax, ecx
skip:
    test dh, dh
    jz done
    inc ecx
    jmp lp
done:
    ret
""", doc="last occurrence of c, or NULL")

native(D, "strncmp", """
    push esi
    mov ecx, dword ptr [esp+8]
    mov edx, dword ptr [esp+12]
    mov esi, dword ptr [esp+16]
lp:
    test esi, esi
    jz same
    mov al, byte ptr [ecx]
    cmp al, byte ptr [edx]
    jne diff
    test al, al
    jz same
    inc ecx
    inc edx
    dec esi
    jmp lp
diff:
    sbb eax, eax
    or eax, 1
    pop esi
    ret
same:
    xor eax, eax
    pop esi
    ret
""", doc="compare at most n bytes; -1, 0 or 1")

native(D, "strncpy", """
    push esi
    push edi
    mov edi, dword ptr [esp+12]
    mov esi, dword ptr [esp+16]
    mov ecx, dword ptr [esp+20]
lp:
    test ecx, ecx
    jz done
    lodsb
    stosb
    dec ecx
    test al, al
    jnz lp
    rep stosb
done:
    mov eax, dword ptr [esp+12]
    pop edi
    pop esi
    ret
""", doc="copy at most n bytes, padding with NULs; returns dst")

native(D, "strncat", """
    push esi
    push edi
    mov edi, dword ptr [esp+12]
    xor eax, eax
    mov ecx, 0xffffffff
    repne scasb
    dec edi
    mov esi, dword ptr [esp+16]
    mov ecx, dword ptr [esp+20]
lp:
    test ecx, ecx
    jz term
    lodsb
    test al, al
    jz term
    stosb
    dec ecx
    jmp lp
term:
    mov byte ptr [edi], 0
    mov eax, dword ptr [esp+12]
    pop edi
    pop esi
    ret
""", doc="append at most n bytes and a NUL; returns dst")

# ---- wide strings ------------------------------------------------------------------------------
native(D, "wcslen", """
    push edi
    mov edi, dword ptr [esp+8]
    xor eax, eax
    mov ecx, 0xffffffff
    repne scasw
    not ecx
    lea eax, [ecx-1]
    pop edi
    ret
""", doc="length of a wide string")

native(D, "wcscmp", """
    mov ecx, dword ptr [esp+4]
    mov edx, dword ptr [esp+8]
lp:
    mov ax, word ptr [ecx]
    cmp ax, word ptr [edx]
    jne diff
    test ax, ax
    jz same
    add ecx, 2
    add edx, 2
    jmp lp
same:
    xor eax, eax
    ret
diff:
    sbb eax, eax
    or eax, 1
    ret
""", doc="compare wide strings; -1, 0 or 1")

native(D, "wcsncmp", """
    push esi
    mov ecx, dword ptr [esp+8]
    mov edx, dword ptr [esp+12]
    mov esi, dword ptr [esp+16]
lp:
    test esi, esi
    jz same
    mov ax, word ptr [ecx]
    cmp ax, word ptr [edx]
    jne diff
    test ax, ax
    jz same
    add ecx, 2
    add edx, 2
    dec esi
    jmp lp
diff:
    sbb eax, eax
    or eax, 1
    pop esi
    ret
same:
    xor eax, eax
    pop esi
    ret
""", doc="compare at most n wide characters")

native(D, "wcscpy", """
    push esi
    push edi
    mov edi, dword ptr [esp+12]
    mov esi, dword ptr [esp+16]
lp:
    lodsw
    stosw
    test ax, ax
    jnz lp
    mov eax, dword ptr [esp+12]
    pop edi
    pop esi
    ret
""", doc="copy a wide string")

native(D, "wcscat", """
    push esi
    push edi
    mov edi, dword ptr [esp+12]
    xor eax, eax
    mov ecx, 0xffffffff
    repne scasw
    sub edi, 2
    mov esi, dword ptr [esp+16]
lp:
    lodsw
    stosw
    test ax, ax
    jnz lp
    mov eax, dword ptr [esp+12]
    pop edi
    pop esi
    ret
""", doc="append a wide string")

native(D, "wcschr", """
    mov eax, dword ptr [esp+4]
    mov dx, word ptr [esp+8]
lp:
    mov cx, word ptr [eax]
    cmp cx, dx
    je found
    test cx, cx
    jz nf
    add eax, 2
    jmp lp
nf:
    xor eax, eax
found:
    ret
""", doc="first occurrence of a wide character, or NULL")

native(D, "wcsrchr", """
    push ebx
    mov ecx, dword ptr [esp+8]
    mov dx, word ptr [esp+12]
    xor eax, eax
lp:
    mov bx, word ptr [ecx]
    cmp bx, dx
    jne skip
    mov eax, ecx
skip:
    test bx, bx
    jz done
    add ecx, 2
    jmp lp
done:
    pop ebx
    ret
""", doc="last occurrence of a wide character, or NULL")

native(D, "wcsncpy", """
    push esi
    push edi
    mov edi, dword ptr [esp+12]
    mov esi, dword ptr [esp+16]
    mov ecx, dword ptr [esp+20]
lp:
    test ecx, ecx
    jz done
    lodsw
    stosw
    dec ecx
    test ax, ax
    jnz lp
    rep stosw
done:
    mov eax, dword ptr [esp+12]
    pop edi
    pop esi
    ret
""", doc="copy at most n wide characters, padding with NULs")

native(D, "wcsncat", """
    push esi
    push edi
    mov edi, dword ptr [esp+12]
    xor eax, eax
    mov ecx, 0xffffffff
    repne scasw
    sub edi, 2
    mov esi, dword ptr [esp+16]
    mov ecx, dword ptr [esp+20]
lp:
    test ecx, ecx
    jz term
    lodsw
    test ax, ax
    jz term
    stosw
    dec ecx
    jmp lp
term:
    mov word ptr [edi], 0
    mov eax, dword ptr [esp+12]
    pop edi
    pop esi
    ret
""", doc="append at most n wide characters and a NUL")
