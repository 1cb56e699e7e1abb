declare module 'astro' {
  interface AstroClientDirectives {
    /** Hydrates near the viewport, on focus, before printing (or when idle): src/islands/near-directive.ts. */
    'client:near'?: boolean | { idle: true };
  }
}

export {};
