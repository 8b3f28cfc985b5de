export function downloadFailureReason(output: string): string;
export function electronDownloadHelp(version: string, reason: string, platform?: string): string;
