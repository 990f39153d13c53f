export interface TaskGeneratorSchema {
  project: string;
  title: string;
  id?: string;
  body?: string;
  touches?: string[] | string;
  dependsOn?: string[] | string;
  skipFormat?: boolean;
}
