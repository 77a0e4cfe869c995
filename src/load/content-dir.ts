/** Where content lives unless `NEWS_ARCHIVE_CONTENT` says otherwise. */
export const DEFAULT_CONTENT_DIR = 'content';
