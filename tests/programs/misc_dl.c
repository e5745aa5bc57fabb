/* A tiny DLL that misc_apis.exe imports with delay loading (see misc_apis.c for the build commands). */
__declspec(dllexport) int __stdcall dl_add(int a, int b) { return a + b; }
__declspec(dllexport) int __stdcall dl_mul(int a, int b) { return a * b; }
int __stdcall DllMain(void *h, unsigned long reason, void *reserved) { (void)h; (void)reason; (void)reserved; return 1; }
