/**
 * The bundled CJK font. fontsource splits Noto Sans SC by unicode-range, so a screen downloads
 * only the slices for the characters it draws; everything is served by the hall host, never a CDN.
 * Import this once per renderer entry, before any CSS that names the family.
 */
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
