/** The last segment of a URI's path, decoded (`untitled:Untitled-1` → `Untitled-1`), as the editor names the file. */
export function documentName(uri: string): string {
  let path = uri;
  try {
    path = new URL(uri).pathname;
  } catch {
    // Not a URI the URL parser takes: its last segment as written.
  }
  const last = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
