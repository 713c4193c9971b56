import { z } from 'zod';
import { taskRelatedTypes, taskStatuses } from '../vocabulary.js';
import { csvEnum, idSchema, listQueryBase, pageOf, sortParam, timestampSchema, versionSchema } from './common.js';
import { utcTimestampInput } from './common.js';

/** Who made the task: a person through the API, or an automation rule. */
export const taskSources = ['manual', 'automation'] as const;

const statusSchema = z.enum(taskStatuses);
const relatedTypeSchema = z.enum(taskRelatedTypes);

export const taskFields = {
  title: z.string().trim().min(1).max(300),
  notes: z.string().trim().max(10_000).nullable(),
  assigneeId: idSchema.nullable(),
  dueAt: timestampSchema.nullable(),
  status: statusSchema.describe('completedAt is set when a task is done and cleared when it is reopened'),
  relatedType: relatedTypeSchema.nullable(),
  relatedId: idSchema.nullable().describe('The account, contact, journey or activity the task is about'),
};

export const taskCreate = z
  .object({
    ...taskFields,
    notes: taskFields.notes.default(null),
    assigneeId: taskFields.assigneeId.optional().describe('Defaults to the caller'),
    dueAt: utcTimestampInput.nullable().default(null),
    status: taskFields.status.default('open'),
    relatedType: taskFields.relatedType.default(null),
    relatedId: taskFields.relatedId.default(null),
  })
  .superRefine((task, ctx) => {
    if ((task.relatedType === null) !== (task.relatedId === null)) {
      ctx.addIssue({ code: 'custom', path: ['relatedId'], message: 'goes together with relatedType: give both or neither' });
    }
  });
export type TaskCreate = z.infer<typeof taskCreate>;

export const taskPatch = z
  .object({ ...taskFields, dueAt: utcTimestampInput.nullable(), version: versionSchema })
  .partial()
  .required({ version: true });
export type TaskPatch = z.infer<typeof taskPatch>;

export const task = z.object({
  id: idSchema,
  ...taskFields,
  accountId: idSchema.nullable().describe('The account of the related record; it decides the team'),
  source: z.enum(taskSources),
  createdBy: idSchema.nullable(),
  completedAt: timestampSchema.nullable(),
  version: z.number().int(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Task = z.infer<typeof task>;

export const taskListQuery = listQueryBase.omit({ q: true }).extend({
  sort: sortParam(['dueAt', 'createdAt', 'updatedAt'], 'dueAt').describe('dueAt puts tasks without a due date last, in either direction'),
  assigneeId: idSchema.optional(),
  status: csvEnum(taskStatuses).optional(),
  relatedType: relatedTypeSchema.optional(),
  relatedId: idSchema.optional(),
  dueBefore: utcTimestampInput.optional().describe('dueAt before this instant'),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('true: open tasks whose due time has passed'),
});
export type TaskListQuery = z.infer<typeof taskListQuery>;

export const taskPage = pageOf(task);
