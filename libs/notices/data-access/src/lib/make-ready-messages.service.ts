import { Injectable } from '@nestjs/common';
import {
  AttemptOutcome,
  constraintReminderMessage,
  MakeReadyMessage,
  NoticeConstraint,
  notReadyListMessage,
  ReminderItem,
} from '@worksite/notices-domain';
import { OPEN_CONSTRAINT, openConstraintListsSql } from '@worksite/make-ready-data-access';
import { AppConfig } from '@worksite/server-config';
import { ChannelKind } from '@worksite/shared-domain';
import { CONSTRAINT_REMINDER_DAYS, MakeReadyMessagePurpose } from '@worksite/shared-make-ready';
import { addDays } from '@worksite/shared-util-time';
import { DataSource, EntityManager } from 'typeorm';
import { AttemptLedger } from './attempt-ledger';
import { MAKE_READY_LEDGER } from './ledger-sql';
import { queryRows } from './sql';

/** A claimed make-ready message with what it says. */
export interface ClaimedMakeReadyMessage {
  id: string;
  attempts: number;
  kind: ChannelKind;
  address: string;
  subject: string;
  body: string;
}

interface Recipient {
  owner: string;
  user_id: string | null;
  kind: ChannelKind;
  address: string;
  language: string;
}

interface DueConstraint {
  id: string;
  owner: string;
  owner_name: string;
  item: ReminderItem;
}

/**
 * The make-ready jobs of the notices worker: owners reminded of open constraints due in two
 * days and today (CONSTRAINT_REMINDER_DAYS), and the coordinators' 18:00 list of tomorrow's
 * tasks that are not ready. Messages are written with their text before anything is sent and
 * moved by the delivery state machine (AttemptLedger), so each is sent once, with retries.
 */
@Injectable()
export class MakeReadyMessagesService {
  private readonly ledger: AttemptLedger;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {
    this.ledger = new AttemptLedger(dataSource, MAKE_READY_LEDGER, () => ({
      maxAttempts: config.NOTICE_MAX_ATTEMPTS,
      baseDelayMs: config.NOTICE_RETRY_BASE_SECONDS * 1000,
    }));
  }

  /**
   * Reminds the owners of the project's open constraints due on a reminder day from `today`;
   * returns the messages to send. Each constraint is taken once per day (reminded_on, updated
   * conditionally in the same transaction as the messages), so running again — the job
   * retried, the watchdog catching up, a second worker — sends nothing twice; a constraint
   * added later in the day is reminded on its own.
   */
  async remindOwners(projectId: string, today: string): Promise<string[]> {
    const dueDates = CONSTRAINT_REMINDER_DAYS.map((days) => addDays(today, days));
    return this.dataSource.transaction(async (manager) => {
      const due = await this.takeDue(manager, projectId, today, dueDates);
      if (!due.length) return [];
      const recipients = await this.ownerRecipients(
        manager,
        due.map((c) => c.owner),
      );
      const byAddress = new Map<string, { recipient: Recipient; items: DueConstraint[] }>();
      for (const recipient of recipients) {
        const key = `${recipient.kind} ${recipient.address}`;
        const entry = byAddress.get(key) ?? { recipient, items: [] };
        entry.items.push(...due.filter((c) => c.owner === recipient.owner && !entry.items.includes(c)));
        byAddress.set(key, entry);
      }
      const ids: string[] = [];
      for (const { recipient, items } of byAddress.values()) {
        const message = constraintReminderMessage(
          recipient.language,
          today,
          items[0].owner_name,
          items.map((c) => c.item),
        );
        ids.push(
          ...(await this.insert(
            manager,
            'constraint_reminder',
            projectId,
            today,
            recipient,
            message,
            items.map((c) => c.id),
          )),
        );
      }
      return ids;
    });
  }

  /**
   * The project's list of `date`'s tasks that are not ready, to its coordinators (their email;
   * the project's coordinator phone by SMS), once per project and date: the run row decides
   * which worker makes it. Nothing is sent when every task is ready. Returns the messages to send.
   */
  async buildNotReadyList(projectId: string, date: string): Promise<string[]> {
    return this.dataSource.transaction(async (manager) => {
      const [run] = await queryRows<{ project_id: string }>(
        manager,
        `INSERT INTO not_ready_list_runs (project_id, list_date, not_ready_count)
         SELECT id, $2::date, 0 FROM projects WHERE id = $1 ON CONFLICT DO NOTHING RETURNING project_id`,
        [projectId, date],
      );
      if (!run) return [];
      const tasks = await queryRows<{
        title: string;
        start: string;
        department_name: string;
        crew_name: string | null;
        project_name: string;
        constraints: NoticeConstraint[];
      }>(
        manager,
        `WITH day_tasks AS (
           SELECT t.id FROM tasks t
            WHERE t.project_id = $1 AND t.start_date <= $2::date AND t.finish_date >= $2::date
              AND t.status NOT IN ('cancelled', 'done')
         ), open_constraints AS (${openConstraintListsSql('SELECT id FROM day_tasks')})
         SELECT t.title, to_char(t.planned_start AT TIME ZONE p.time_zone, 'HH24:MI') AS start, d.name AS department_name,
                c.name AS crew_name, p.name AS project_name, oc.list AS constraints
           FROM open_constraints oc JOIN tasks t ON t.id = oc.task_id JOIN projects p ON p.id = t.project_id
           JOIN departments d ON d.id = t.department_id LEFT JOIN crews c ON c.id = t.crew_id
          ORDER BY t.planned_start, t.id`,
        [projectId, date],
      );
      await manager.query(
        'UPDATE not_ready_list_runs SET not_ready_count = $3 WHERE project_id = $1 AND list_date = $2',
        [projectId, date, tasks.length],
      );
      if (!tasks.length) return [];
      const recipients = await queryRows<Recipient>(
        manager,
        `SELECT '' AS owner, u.id AS user_id, 'email' AS kind, u.email AS address, u.language::text AS language
           FROM user_projects up JOIN users u ON u.id = up.user_id
          WHERE up.project_id = $1 AND u.role = 'coordinator' AND u.active AND coalesce(u.email, '') <> ''
         UNION ALL
         SELECT '', NULL, 'sms', p.coordinator_phone, 'zh-CN' FROM projects p
          WHERE p.id = $1 AND $2 AND coalesce(p.coordinator_phone, '') <> ''`,
        [projectId, this.smsOn],
      );
      const list = tasks.map((t) => ({
        title: t.title,
        start: t.start,
        departmentName: t.department_name,
        crewName: t.crew_name,
        constraints: t.constraints,
      }));
      const ids: string[] = [];
      for (const recipient of recipients) {
        const message = notReadyListMessage(recipient.language, date, tasks[0].project_name, list);
        ids.push(...(await this.insert(manager, 'not_ready_list', projectId, date, recipient, message, [])));
      }
      return ids;
    });
  }

  /** Whether the project's list for the date was made (the watchdog's catch-up asks). */
  async listMade(projectId: string, date: string): Promise<boolean> {
    const rows = await queryRows(
      this.dataSource.manager,
      'SELECT 1 FROM not_ready_list_runs WHERE project_id = $1 AND list_date = $2',
      [projectId, date],
    );
    return rows.length > 0;
  }

  async claim(id: string, now: Date): Promise<ClaimedMakeReadyMessage | undefined> {
    const claim = this.ledger.claimStatement(id, now, 'id, attempts, kind, address, subject, body');
    const [row] = await queryRows<ClaimedMakeReadyMessage>(this.dataSource.manager, claim.text, claim.params);
    return row;
  }

  async record(message: Pick<ClaimedMakeReadyMessage, 'id' | 'attempts' | 'kind'>, outcome: AttemptOutcome) {
    await this.ledger.record(message, outcome);
  }

  nextAttempt(id: string): Promise<Date | null | undefined> {
    return this.ledger.nextAttempt(id);
  }

  async sweepInterrupted(olderThan: Date): Promise<number> {
    return (await this.ledger.sweepInterrupted(olderThan)).length;
  }

  owed(now: Date, untouchedSince: Date): Promise<string[]> {
    return this.ledger.owed(now, untouchedSince, 500);
  }

  private get smsOn(): boolean {
    return this.config.SMS_GATEWAY_URL !== '';
  }

  /** Marks the project's open constraints due on `dueDates` as reminded today; returns those not marked before. */
  private async takeDue(
    manager: EntityManager,
    projectId: string,
    today: string,
    dueDates: string[],
  ): Promise<DueConstraint[]> {
    const rows = await queryRows<{
      id: string;
      owner: string;
      owner_name: string;
      kind: string;
      description: string;
      due_date: string;
      task_title: string;
      task_date: string;
      project_name: string;
    }>(
      manager,
      `WITH taken AS (
         UPDATE make_ready_constraints c SET reminded_on = array_append(c.reminded_on, $2::date)
          WHERE c.project_id = $1 AND ${OPEN_CONSTRAINT} AND c.due_date = ANY($3::date[])
            AND NOT ($2::date = ANY(c.reminded_on))
            AND (c.owner_user_id IS NOT NULL OR c.owner_department_id IS NOT NULL)
         RETURNING c.id, c.task_id, c.kind, c.description, c.due_date, c.owner_user_id, c.owner_department_id
       )
       SELECT taken.id, coalesce('u:' || taken.owner_user_id, 'd:' || taken.owner_department_id) AS owner,
              coalesce(u.display_name, d.name) AS owner_name, taken.kind, taken.description,
              to_char(taken.due_date, 'YYYY-MM-DD') AS due_date, t.title AS task_title,
              to_char(t.start_date, 'YYYY-MM-DD') AS task_date, p.name AS project_name
         FROM taken JOIN tasks t ON t.id = taken.task_id JOIN projects p ON p.id = t.project_id
         LEFT JOIN users u ON u.id = taken.owner_user_id LEFT JOIN departments d ON d.id = taken.owner_department_id`,
      [projectId, today, dueDates],
    );
    return rows.map((row) => ({
      id: row.id,
      owner: row.owner,
      owner_name: row.owner_name,
      item: {
        constraint: { kind: row.kind, description: row.description, ownerName: row.owner_name, dueDate: row.due_date },
        projectName: row.project_name,
        taskTitle: row.task_title,
        taskDate: row.task_date,
      },
    }));
  }

  /**
   * Where owners are reached: a user by email, or by SMS to their phone when they have no
   * email; a department by its agency users' emails, or by SMS to its contact phone when none
   * has one (SMS only with a gateway configured).
   */
  private ownerRecipients(manager: EntityManager, owners: string[]): Promise<Recipient[]> {
    const users = owners.filter((o) => o.startsWith('u:')).map((o) => o.slice(2));
    const departments = owners.filter((o) => o.startsWith('d:')).map((o) => o.slice(2));
    return queryRows<Recipient>(
      manager,
      `SELECT 'u:' || u.id AS owner, u.id AS user_id, 'email' AS kind, u.email AS address, u.language::text AS language
         FROM users u WHERE u.id = ANY($1::uuid[]) AND u.active AND coalesce(u.email, '') <> ''
       UNION ALL
       SELECT 'u:' || u.id, u.id, 'sms', u.phone, u.language::text
         FROM users u WHERE u.id = ANY($1::uuid[]) AND u.active AND $3 AND coalesce(u.email, '') = ''
          AND coalesce(u.phone, '') <> ''
       UNION ALL
       SELECT 'd:' || u.department_id, u.id, 'email', u.email, u.language::text
         FROM users u WHERE u.department_id = ANY($2::uuid[]) AND u.role = 'agency' AND u.active
          AND coalesce(u.email, '') <> ''
       UNION ALL
       SELECT 'd:' || d.id, NULL, 'sms', d.contact_phone, 'zh-CN'
         FROM departments d WHERE d.id = ANY($2::uuid[]) AND $3 AND coalesce(d.contact_phone, '') <> ''
          AND NOT EXISTS (SELECT 1 FROM users u WHERE u.department_id = d.id AND u.role = 'agency' AND u.active
                                                  AND coalesce(u.email, '') <> '')
       ORDER BY 1, 3, 4`,
      [users, departments, this.smsOn],
    );
  }

  private async insert(
    manager: EntityManager,
    purpose: MakeReadyMessagePurpose,
    projectId: string,
    date: string,
    recipient: Recipient,
    message: MakeReadyMessage,
    constraintIds: string[],
  ): Promise<string[]> {
    const rows = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO make_ready_messages (purpose, project_id, message_date, user_id, kind, address, subject, body, constraint_ids)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::uuid[]) ON CONFLICT DO NOTHING RETURNING id`,
      [
        purpose,
        projectId,
        date,
        recipient.user_id,
        recipient.kind,
        recipient.address,
        message.subject,
        recipient.kind === ChannelKind.Sms ? message.sms : message.text,
        constraintIds,
      ],
    );
    return rows.map((row) => row.id);
  }
}
