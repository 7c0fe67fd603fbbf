import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ReceiptTerms1795626481088 implements MigrationInterface {
  name = 'ReceiptTerms1795626481088';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `tracked_complaint` ADD `receivedOn` varchar(10) NULL");
    await queryRunner.query("ALTER TABLE `tracked_complaint` ADD `forwardedLate` tinyint NOT NULL DEFAULT 0");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `tracked_complaint` DROP COLUMN `forwardedLate`");
    await queryRunner.query("ALTER TABLE `tracked_complaint` DROP COLUMN `receivedOn`");
  }
}
