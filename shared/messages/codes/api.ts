/** Requests of the app's API that cannot be served as asked (main/api). Amounts are in yuan; ratios as fractions (0.15 for 15%). */
export interface ApiProblemParams {
  'no-model': Record<string, never>;
}

export const API_CODES = ['no-model'] as const satisfies readonly (keyof ApiProblemParams)[];
