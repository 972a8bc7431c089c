# Sourced by wine-check.sh and scripts/check-windows.sh: a throw-away Wine prefix that can run
# Rust programs, removed on exit. Sets $wine (the 64-bit loader) and exports WINEPREFIX.
# Needs: apt-get install wine64 mingw-w64.

wine=$(command -v wine64 || true)
[[ -n $wine ]] || wine=/usr/lib/wine/wine64
[[ -x $wine ]] || wine=$(command -v wine)
WINEPREFIX=$(mktemp -d /tmp/juesuan-wine.XXXXXX)
export WINEPREFIX WINEDEBUG=-all
trap 'wineserver -k 2>/dev/null || true; rm -rf "$WINEPREFIX"' EXIT
"$wine" wineboot -i >/dev/null 2>&1

# Rust's standard library (1.78+) imports ProcessPrng from bcryptprimitives.dll, which Wine
# gained only in version 9. Windows 10 and later have it; give older Wine a stand-in.
wine_system32="$WINEPREFIX/drive_c/windows/system32"
if [[ ! -e $wine_system32/bcryptprimitives.dll ]]; then
  wine_shim=$(mktemp -d)
  cat > "$wine_shim/bcryptprimitives.c" <<'C'
#include <windows.h>
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
    while (len > 0) {
        ULONG chunk = len > 0x10000000 ? 0x10000000 : (ULONG)len;
        if (!SystemFunction036(data, chunk)) return FALSE;
        data += chunk; len -= chunk;
    }
    return TRUE;
}
C
  x86_64-w64-mingw32-gcc -shared -O2 -o "$wine_system32/bcryptprimitives.dll" \
    "$wine_shim/bcryptprimitives.c" -ladvapi32
  rm -rf "$wine_shim"
fi
