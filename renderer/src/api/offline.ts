/** The error code of a call the browser's host did not answer (the page's own, never the host's). */
export const OFFLINE = 'offline';
