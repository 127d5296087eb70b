/**
 * zod, the small build: `zod/v4-mini`, with English messages configured once here.
 * Modules import `* as z from 'zod/v4-mini'` themselves and this module for its
 * side effect: re-exporting the namespace object would keep all of zod (and every
 * locale) in each Lambda bundle, since esbuild cannot tree-shake an escaped namespace.
 */
import { config } from 'zod/v4-mini';
import en from 'zod/v4/locales/en.js';

config(en());
