"""The presenter's OpenGL side: shaders, the picture, palette and cursor textures, uploads and quads.

Frames (``gdi.desktop.Frame``) are "rgb" (0x00RRGGBB pixels, an RGBA8 texture) or "indexed" (8-bit palette
indices, an R8 texture, converted by a fragment shader through a 256x1 palette texture); both are uploaded
straight from the frame's array, padded rows included (views of guest memory need no copy). There are two
picture textures (``Slot``): a new picture goes into the one not on screen. The cursor is an RGBA sprite.
GLSL 3.30 for a core profile context, 1.20 for a compatibility one.
"""
from __future__ import annotations

import ctypes

import numpy as np

from gdi.desktop import Frame

from .present_window import PresenterError
from .sdlgl import GL

# One vertex shader for every quad: the unit quad (-1..1) is placed at ``rect`` (x0, y0, x1, y1 in clip space).
VS = {
    "330": """#version 330 core
layout(location = 0) in vec2 pos;
uniform vec4 rect;
out vec2 uv;
void main() {
    vec2 t = (pos + 1.0) * 0.5;
    uv = vec2(t.x, 1.0 - t.y);
    gl_Position = vec4(mix(rect.xy, rect.zw, t), 0.0, 1.0);
}
""",
    "120": """#version 120
attribute vec2 pos;
uniform vec4 rect;
varying vec2 uv;
void main() {
    vec2 t = (pos + 1.0) * 0.5;
    uv = vec2(t.x, 1.0 - t.y);
    gl_Position = vec4(mix(rect.xy, rect.zw, t), 0.0, 1.0);
}
""",
}
FS = {
    ("330", "rgb"): """#version 330 core
uniform sampler2D tex;
in vec2 uv;
out vec4 color;
void main() { color = vec4(texture(tex, uv).rgb, 1.0); }
""",
    ("330", "indexed"): """#version 330 core
uniform sampler2D tex;
uniform sampler2D pal;
in vec2 uv;
out vec4 color;
void main() {
    int i = int(texture(tex, uv).r * 255.0 + 0.5);
    color = vec4(texelFetch(pal, ivec2(i, 0), 0).rgb, 1.0);
}
""",
    ("330", "sprite"): """#version 330 core
uniform sampler2D tex;
in vec2 uv;
out vec4 color;
void main() {
    vec4 c = texture(tex, uv);
    if (c.a < 0.5) discard;
    color = vec4(c.rgb, 1.0);
}
""",
    ("120", "rgb"): """#version 120
uniform sampler2D tex;
varying vec2 uv;
void main() { gl_FragColor = vec4(texture2D(tex, uv).rgb, 1.0); }
""",
    ("120", "indexed"): """#version 120
uniform sampler2D tex;
uniform sampler2D pal;
varying vec2 uv;
void main() {
    float i = floor(texture2D(tex, uv).r * 255.0 + 0.5);
    gl_FragColor = vec4(texture2D(pal, vec2((i + 0.5) / 256.0, 0.5)).rgb, 1.0);
}
""",
    ("120", "sprite"): """#version 120
uniform sampler2D tex;
varying vec2 uv;
void main() {
    vec4 c = texture2D(tex, uv);
    if (c.a < 0.5) discard;
    gl_FragColor = vec4(c.rgb, 1.0);
}
""",
}


class Slot:
    """A picture texture and what it holds."""

    def __init__(self, tex: int) -> None:
        self.tex = tex
        self.kind = ""
        self.size = (0, 0)


def upload(slot: Slot, f: Frame) -> None:
    """Copy a frame's pixels into ``slot``'s texture (reallocated when the kind or size changed)."""
    px = f.pixels
    if f.kind == "indexed":
        size, fmt, typ, internal = 1, GL.GL_RED, GL.GL_UNSIGNED_BYTE, GL.GL_R8
    elif f.kind == "rgb":
        size, fmt, typ, internal = 4, GL.GL_BGRA, GL.GL_UNSIGNED_INT_8_8_8_8_REV, GL.GL_RGBA8
    else:
        raise ValueError(f"unknown frame kind {f.kind!r}")
    if px.ndim != 2 or px.dtype.itemsize != size:
        raise ValueError(f"{f.kind} frame must be (H, W) {8 * size}-bit pixels, got {px.shape} {px.dtype}")
    if px.strides[1] != size or px.strides[0] % size or px.strides[0] < size * px.shape[1]:
        px = np.ascontiguousarray(px)
    fh, fw = px.shape
    GL.glBindTexture(GL.GL_TEXTURE_2D, slot.tex)
    if (fw, fh) != slot.size or f.kind != slot.kind:
        GL.glTexImage2D(GL.GL_TEXTURE_2D, 0, internal, fw, fh, 0, fmt, typ, None)
        slot.size, slot.kind = (fw, fh), f.kind
    # rows may be padded (a view into a larger buffer, a surface's pitch): GL skips the padding, no copy
    GL.glPixelStorei(GL.GL_UNPACK_ALIGNMENT, 1 if size == 1 else 4)
    GL.glPixelStorei(GL.GL_UNPACK_ROW_LENGTH, px.strides[0] // size)
    GL.glTexSubImage2D(GL.GL_TEXTURE_2D, 0, 0, 0, fw, fh, fmt, typ, ctypes.c_void_p(px.ctypes.data))
    GL.glPixelStorei(GL.GL_UNPACK_ROW_LENGTH, 0)
    GL.glPixelStorei(GL.GL_UNPACK_ALIGNMENT, 4)


class Renderer:
    """The presenter's GL objects: a program per kind ("rgb", "indexed", "sprite") drawing the unit quad, two
    picture textures (``slots``), the palette texture and the cursor texture. Made with ``create()`` in a
    current context; ``delete()`` frees what was made (also after a failed ``create()``)."""

    def __init__(self) -> None:
        self.progs: dict[str, int] = {}
        self.rect_loc: dict[str, int] = {}
        self.vao = 0
        self.vbo = 0
        self.slots: list[Slot] = []
        self.pal_tex = 0
        self.cursor_tex = 0

    def create(self, core: bool) -> None:
        """Compile the programs (GLSL 3.30 with ``core``, else 1.20), make the quad and the textures."""
        glsl = "330" if core else "120"
        for kind in ("rgb", "indexed", "sprite"):
            prog = GL.glCreateProgram()
            for stage, src in ((GL.GL_VERTEX_SHADER, VS[glsl]), (GL.GL_FRAGMENT_SHADER, FS[glsl, kind])):
                sh = GL.glCreateShader(stage)
                GL.glShaderSource(sh, src)
                GL.glCompileShader(sh)
                if not GL.glGetShaderiv(sh, GL.GL_COMPILE_STATUS):
                    raise PresenterError(f"{kind} shader: {GL.glGetShaderInfoLog(sh)!r}")
                GL.glAttachShader(prog, sh)
                GL.glDeleteShader(sh)
            GL.glBindAttribLocation(prog, 0, "pos")
            GL.glLinkProgram(prog)
            if not GL.glGetProgramiv(prog, GL.GL_LINK_STATUS):
                raise PresenterError(f"{kind} shader link: {GL.glGetProgramInfoLog(prog)!r}")
            self.progs[kind] = prog
            GL.glUseProgram(prog)
            GL.glUniform1i(GL.glGetUniformLocation(prog, "tex"), 0)
            if kind == "indexed":
                GL.glUniform1i(GL.glGetUniformLocation(prog, "pal"), 1)
            self.rect_loc[kind] = GL.glGetUniformLocation(prog, "rect")
        if core:
            self.vao = int(GL.glGenVertexArrays(1))
            GL.glBindVertexArray(self.vao)
        self.vbo = int(GL.glGenBuffers(1))
        GL.glBindBuffer(GL.GL_ARRAY_BUFFER, self.vbo)
        quad = np.array([-1, -1, 1, -1, -1, 1, 1, 1], dtype=np.float32)
        GL.glBufferData(GL.GL_ARRAY_BUFFER, quad.nbytes, quad, GL.GL_STATIC_DRAW)
        GL.glEnableVertexAttribArray(0)
        GL.glVertexAttribPointer(0, 2, GL.GL_FLOAT, GL.GL_FALSE, 0, ctypes.c_void_p(0))
        texs = [int(t) for t in GL.glGenTextures(4)]
        self.slots = [Slot(texs[0]), Slot(texs[1])]
        self.pal_tex, self.cursor_tex = texs[2], texs[3]
        for t in texs:
            GL.glBindTexture(GL.GL_TEXTURE_2D, t)
            GL.glTexParameteri(GL.GL_TEXTURE_2D, GL.GL_TEXTURE_MIN_FILTER, GL.GL_NEAREST)
            GL.glTexParameteri(GL.GL_TEXTURE_2D, GL.GL_TEXTURE_MAG_FILTER, GL.GL_NEAREST)
            GL.glTexParameteri(GL.GL_TEXTURE_2D, GL.GL_TEXTURE_WRAP_S, GL.GL_CLAMP_TO_EDGE)
            GL.glTexParameteri(GL.GL_TEXTURE_2D, GL.GL_TEXTURE_WRAP_T, GL.GL_CLAMP_TO_EDGE)
        GL.glBindTexture(GL.GL_TEXTURE_2D, self.pal_tex)
        GL.glTexImage2D(GL.GL_TEXTURE_2D, 0, GL.GL_RGBA8, 256, 1, 0, GL.GL_BGRA, GL.GL_UNSIGNED_INT_8_8_8_8_REV,
                        np.zeros(256, np.uint32))
        GL.glClearColor(0.0, 0.0, 0.0, 1.0)

    def upload_palette(self, palette: np.ndarray | None) -> None:
        """Load an indexed picture's palette (0x00RRGGBB entries; None: all black)."""
        pal = np.ascontiguousarray(palette if palette is not None else np.zeros(256, np.uint32), dtype=np.uint32)
        GL.glBindTexture(GL.GL_TEXTURE_2D, self.pal_tex)
        GL.glPixelStorei(GL.GL_UNPACK_ALIGNMENT, 4)
        GL.glTexSubImage2D(GL.GL_TEXTURE_2D, 0, 0, 0, min(256, pal.size), 1, GL.GL_BGRA,
                           GL.GL_UNSIGNED_INT_8_8_8_8_REV, ctypes.c_void_p(pal.ctypes.data))

    def upload_cursor(self, rgba_image: np.ndarray) -> tuple[int, int]:
        """Load the cursor sprite ((h, w, 4) RGBA); returns its (width, height)."""
        rgba = np.ascontiguousarray(rgba_image, dtype=np.uint8)
        h, w = rgba.shape[:2]
        GL.glBindTexture(GL.GL_TEXTURE_2D, self.cursor_tex)
        GL.glPixelStorei(GL.GL_UNPACK_ALIGNMENT, 1)
        GL.glTexImage2D(GL.GL_TEXTURE_2D, 0, GL.GL_RGBA8, w, h, 0, GL.GL_RGBA, GL.GL_UNSIGNED_BYTE, rgba)
        GL.glPixelStorei(GL.GL_UNPACK_ALIGNMENT, 4)
        return w, h

    def quad(self, kind: str, rect: tuple[float, float, float, float]) -> None:
        """Draw the unit quad with ``kind``'s program at ``rect`` (x0, y0, x1, y1 in clip space)."""
        GL.glUseProgram(self.progs[kind])
        GL.glUniform4f(self.rect_loc[kind], *rect)
        GL.glDrawArrays(GL.GL_TRIANGLE_STRIP, 0, 4)

    def draw_picture(self, slot: Slot, kind: str) -> None:
        """Draw the picture in ``slot`` over the whole viewport (through the palette when indexed)."""
        GL.glActiveTexture(GL.GL_TEXTURE0)
        GL.glBindTexture(GL.GL_TEXTURE_2D, slot.tex)
        if kind == "indexed":
            GL.glActiveTexture(GL.GL_TEXTURE1)
            GL.glBindTexture(GL.GL_TEXTURE_2D, self.pal_tex)
            GL.glActiveTexture(GL.GL_TEXTURE0)
        self.quad(kind, (-1.0, -1.0, 1.0, 1.0))

    def draw_cursor(self, rect: tuple[float, float, float, float]) -> None:
        """Draw the cursor sprite at ``rect`` (clip space; its transparent pixels are discarded)."""
        GL.glBindTexture(GL.GL_TEXTURE_2D, self.cursor_tex)
        self.quad("sprite", rect)

    @staticmethod
    def read_pixels(dw: int, dh: int) -> np.ndarray:
        """The back buffer as (dh, dw) uint32 0x00RRGGBB, top row first."""
        GL.glFinish()
        out = np.empty((dh, dw), dtype=np.uint32)
        GL.glReadBuffer(GL.GL_BACK)
        GL.glPixelStorei(GL.GL_PACK_ALIGNMENT, 4)
        GL.glReadPixels(0, 0, dw, dh, GL.GL_BGRA, GL.GL_UNSIGNED_INT_8_8_8_8_REV, ctypes.c_void_p(out.ctypes.data))
        return out[::-1] & 0x00FFFFFF

    def delete(self) -> None:
        """Delete the GL objects (the context is current); errors are ignored (it is going away regardless)."""
        try:
            texs = [s.tex for s in self.slots] + [t for t in (self.pal_tex, self.cursor_tex) if t]
            if texs:
                GL.glDeleteTextures(len(texs), texs)
            if self.vbo:
                GL.glDeleteBuffers(1, [self.vbo])
            if self.vao:
                GL.glDeleteVertexArrays(1, [self.vao])
            for prog in self.progs.values():
                GL.glDeleteProgram(prog)
        except Exception:  # noqa: BLE001, S110 - the context is going away regardless
            pass

    def forget(self) -> None:
        """Drop the names of the objects (after ``delete()`` or with the context gone)."""
        self.slots = []
        self.progs = {}
        self.pal_tex = self.cursor_tex = self.vbo = self.vao = 0
