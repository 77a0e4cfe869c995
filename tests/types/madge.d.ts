// The part of madge 8's API the architecture test uses; the package ships no types.
declare module 'madge' {
  interface MadgeConfig {
    readonly fileExtensions?: readonly string[];
    readonly excludeRegExp?: readonly RegExp[];
  }
  interface MadgeResult {
    /** Every module (relative to the scanned folder) and the modules it imports. */
    obj(): Record<string, string[]>;
    /** Every import cycle between modules, each as the modules along it. */
    circular(): string[][];
    warnings(): { skipped: string[] };
  }
  export default function madge(path: string, config?: MadgeConfig): Promise<MadgeResult>;
}
