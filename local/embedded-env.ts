/**
 * Defaults the embedded office sets before any handler module loads (the logger and the metrics
 * read them when they are created, at import): warnings and errors only on the console, and no
 * CloudWatch metric lines. Imported first by local/embedded.ts; set either variable to override.
 */
process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
