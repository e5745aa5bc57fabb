/* missingdll: imports a function from a DLL that does not exist (nosuchdll.dll); never runs. */
__declspec(dllimport) int __cdecl nosuch_function(void);
void __cdecl start(void) { nosuch_function(); }
