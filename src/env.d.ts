declare module 'astro' {
  interface AstroClientDirectives {
    /** Hydrates near the viewport, on focus or before printing: src/islands/near-directive.ts. */
    'client:near'?: boolean;
  }
}

export {};
