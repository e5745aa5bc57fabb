"""comdlg32: the common dialogs.

- GetOpenFileNameA/W, GetSaveFileNameA/W: a modal "Open" / "Save As" dialog in the Windows 95 explorer
  layout ("Look in"/"Save in" folder box, the folder's sub-folders and the files matching the selected
  "Files of type" filter in a list, "File name" box, Open/Save and Cancel). Names may be typed relative to
  the folder or as full guest paths; Enter or OK accepts. Folders open on double click, Enter, or by typing
  their name (".." goes up); a typed wildcard pattern becomes the filter. The result follows OPENFILENAME's
  rules (lpstrDefExt appended to a name without extension, nFileOffset/nFileExtension, lpstrFileTitle,
  nFilterIndex, OFN_OVERWRITEPROMPT / OFN_CREATEPROMPT questions, OFN_FILEMUSTEXIST / OFN_PATHMUSTEXIST,
  FNERR_BUFFERTOOSMALL). Explorer-style hooks and templates (OFN_EXPLORER with OFN_ENABLEHOOK and/or
  OFN_ENABLETEMPLATE[HANDLE]) work as on Windows: the template becomes a child dialog below the standard
  controls, the hook its dialog procedure (WM_INITDIALOG with the OPENFILENAME, WM_NOTIFY CDN_INITDONE,
  CDN_FOLDERCHANGE, CDN_SELCHANGE, CDN_TYPECHANGE, CDN_FILEOK which may refuse), and the CDM_* messages
  work on the dialog. Old-style (non-explorer) hooks and templates are refused: FALSE with CDERR_NOHOOK /
  CDERR_NOTEMPLATE and a log line.
- GetFileTitleA/W, CommDlgExtendedError.
- FindTextA/W, ReplaceTextA/W: modeless Find / Replace dialogs that report to their owner with the
  registered FINDMSGSTRING message (FR_FINDNEXT, FR_REPLACE, FR_REPLACEALL, FR_DIALOGTERM).
- ChooseFontA/W: a modal Font dialog (face, style and size lists, effects, sample) over the installed faces.
- PrintDlgA/W: this machine has no printers: FALSE with PDERR_NODEFAULTPRN, Windows' answer in that case.

Directory listings come from the guest's sandboxed drives (``m.fs``), like FindFirstFile.

The dialogs live in ``comdlg32_file`` (Open / Save As, GetFileTitle), ``comdlg32_find`` (Find / Replace),
``comdlg32_font`` (ChooseFont) over ``comdlg32_common`` (error state, control ids, the dialog builder, hooks);
this module declares CommDlgExtendedError and PrintDlg and imports the others.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from emu.api import BOOL, DWORD, PTR, stdcall

from .comdlg32_common import CDERR_STRUCTSIZE, PDERR_NODEFAULTPRN, set_error
# Re-exported: the dialogs' declarations, registered by importing their modules.
from .comdlg32_file import (  # noqa: F401
    GetFileTitleA, GetFileTitleW, GetOpenFileNameA, GetOpenFileNameW, GetSaveFileNameA, GetSaveFileNameW,
)
from .comdlg32_find import FINDMSGSTRING, FindTextA, FindTextW, ReplaceTextA, ReplaceTextW  # noqa: F401
from .comdlg32_font import ChooseFontA, ChooseFontW  # noqa: F401

if TYPE_CHECKING:
    from emu.machine import Machine


@stdcall("comdlg32")
def CommDlgExtendedError(m: "Machine") -> DWORD:
    """The error code of the last common dialog call that failed (0: none, or cancelled by the user)."""
    return m.state.get("commdlg_error", 0)


# ---- printing -------------------------------------------------------------------------------------------------
def _print_dlg(m: "Machine", p: int) -> int:
    if not p or m.mem.u32(p) != 66:
        set_error(m, CDERR_STRUCTSIZE)
        return 0
    set_error(m, PDERR_NODEFAULTPRN)
    return 0


@stdcall("comdlg32")
def PrintDlgA(m: "Machine", lppd: PTR) -> BOOL:
    """Print dialog: no printer is installed, so FALSE with CommDlgExtendedError() = PDERR_NODEFAULTPRN."""
    return _print_dlg(m, lppd)


@stdcall("comdlg32")
def PrintDlgW(m: "Machine", lppd: PTR) -> BOOL:
    """Print dialog: no printer is installed, so FALSE with CommDlgExtendedError() = PDERR_NODEFAULTPRN."""
    return _print_dlg(m, lppd)
