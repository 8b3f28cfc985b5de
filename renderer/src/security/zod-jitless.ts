import { z } from 'zod';

/**
 * zod compiles fast parsers with `new Function` after probing whether eval is allowed; under
 * the page's policy (no 'unsafe-eval') that probe is refused and reported as a
 * securitypolicyviolation although zod catches it. Jitless parsing never probes. Imported
 * first by every renderer entry (the page and its workers), before any schema parses.
 */
z.config({ jitless: true });
