/**
 * How a national system polls the directory with a token (POSIX shell and curl). The ETag spares
 * a download when nothing changed; a new file replaces the old one only after its signature checks.
 */
export function usageExample(origin: string): string {
  return [
    `status=$(curl -sS -o new.json -D headers.txt -w '%{http_code}' \\`,
    `  -H "Authorization: Bearer $VIGIL_TOKEN" \\`,
    `  -H "If-None-Match: $(cat etag.txt 2>/dev/null)" \\`,
    `  ${origin}/api/directory/releases/latest)`,
    `if [ "$status" = 200 ]; then`,
    `  # Check X-Vigil-Signature (headers.txt) against new.json first, then:`,
    `  mv new.json directory.json`,
    `  grep -i '^etag:' headers.txt | cut -d' ' -f2 | tr -d '\\r' > etag.txt`,
    `fi  # 304: nothing changed`,
  ].join("\n");
}
