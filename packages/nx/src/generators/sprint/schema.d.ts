export interface SprintGeneratorSchema {
  /** Workspace-relative path of the sprint list (a Markdown checklist). */
  from: string;
  /** The project for items that no predicted file or scope points to. */
  project?: string;
  skipFormat?: boolean;
}
