import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OverdueFrom1795629000000 implements MigrationInterface {
  name = 'OverdueFrom1795629000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `complaint` ADD `overdueFrom` varchar(10) NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `complaint` DROP COLUMN `overdueFrom`');
  }
}
