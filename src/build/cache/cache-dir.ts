/** The cache folder of a command not given `--cache`: `NEWS_ARCHIVE_CACHE`, else `.cache/news-archive`. */
export function defaultCacheDir(environment: Readonly<Record<string, string | undefined>> = process.env): string {
  return environment['NEWS_ARCHIVE_CACHE'] ?? '.cache/news-archive';
}
