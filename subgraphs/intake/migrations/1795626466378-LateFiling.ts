import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LateFiling1795626466378 implements MigrationInterface {
  name = 'LateFiling1795626466378';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `complaint` ADD `violationLearnedOn` varchar(10) NULL");
    await queryRunner.query("ALTER TABLE `complaint` ADD `lateFilingReason` text NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `complaint` DROP COLUMN `lateFilingReason`");
    await queryRunner.query("ALTER TABLE `complaint` DROP COLUMN `violationLearnedOn`");
  }
}
