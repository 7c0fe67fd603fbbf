import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The filing deadline as worked out at filing on status's working-day calendar (APPC Art. 92). */
export class FilingDeadline1795630000000 implements MigrationInterface {
  name = 'FilingDeadline1795630000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `complaint` ADD `filingDeadline` varchar(10) NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `complaint` DROP COLUMN `filingDeadline`');
  }
}
