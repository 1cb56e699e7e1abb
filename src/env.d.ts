declare module 'astro' {
  interface AstroClientDirectives {
    /** Hydrates near the viewport, on focus, before printing (or when idle): src/islands/near-directive.ts. */
    'client:near'?: boolean | { idle: true };
    /** Hydrates on intent (pointer, touch, focus, a file dragged over) or when asked: src/islands/intent-directive.ts. */
    'client:intent'?: boolean;
  }
}

export {};
