// the one mapper lives in ui/forms; this path stays for pages that still import it from here
export { applyFieldIssues } from './forms/fieldIssues';
