import type { ESLint } from 'eslint';

export declare const SHARED_LAYERS: string[][];
export declare const MAIN_LAYERS: string[][];
export declare function layeringProblem(from: string, specifier: string, to: string | undefined): string | undefined;
export declare const layersPlugin: ESLint.Plugin;
