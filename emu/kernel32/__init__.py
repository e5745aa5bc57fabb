"""kernel32: one module per API area; importing this package registers every declaration."""
from . import console, extra, file, findvol, heap, module, natives, nls, resource, sync, sysinfo, thread, time, virtual  # noqa: F401
