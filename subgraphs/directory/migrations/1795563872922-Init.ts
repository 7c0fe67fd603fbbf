import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1795563872922 implements MigrationInterface {
  name = 'Init1795563872922';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `administrative_unit` (`katoCode` varchar(9) NOT NULL, `nameKk` varchar(300) NOT NULL, `nameRu` varchar(300) NOT NULL, `parentKatoCode` varchar(9) NULL, `akimOfficialId` varchar(36) NULL, `active` tinyint NOT NULL DEFAULT 1, INDEX `IDX_fe7cfde7e1f3c4961ca1905afc` (`parentKatoCode`), PRIMARY KEY (`katoCode`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `official` (`id` varchar(36) NOT NULL, `surname` varchar(100) NOT NULL, `name` varchar(100) NOT NULL, `patronymic` varchar(100) NULL, `position` varchar(200) NOT NULL, `serviceProviderId` varchar(36) NULL, `katoCode` varchar(9) NULL, `active` tinyint NOT NULL DEFAULT 1, INDEX `IDX_9cc19ec121c7d30105a782b7b2` (`serviceProviderId`), INDEX `IDX_b0f21015857981e79622917b87` (`katoCode`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `service_provider` (`id` varchar(36) NOT NULL, `bin` varchar(12) NOT NULL, `nameKk` varchar(300) NOT NULL, `nameRu` varchar(300) NOT NULL, `kind` varchar(30) NOT NULL DEFAULT 'SERVICE_PROVIDER', `katoCode` varchar(9) NOT NULL, `headOfficialId` varchar(36) NULL, `active` tinyint NOT NULL DEFAULT 1, INDEX `IDX_a59d5cba33343dd4ef6f2e54fe` (`katoCode`), UNIQUE INDEX `IDX_015a0828d25325a2a754597cef` (`bin`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `competence` (`id` varchar(36) NOT NULL, `officialId` varchar(36) NOT NULL, `kind` varchar(20) NOT NULL, `code` varchar(50) NULL, `name` varchar(300) NOT NULL, `matchKey` varchar(300) NOT NULL, `active` tinyint NOT NULL DEFAULT 1, INDEX `IDX_58535e94a9396fe26b32a605bc` (`officialId`), UNIQUE INDEX `IDX_cbbce3982a1ab563bdb992d023` (`officialId`, `kind`, `matchKey`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_cbbce3982a1ab563bdb992d023` ON `competence`");
    await queryRunner.query("DROP INDEX `IDX_58535e94a9396fe26b32a605bc` ON `competence`");
    await queryRunner.query("DROP TABLE `competence`");
    await queryRunner.query("DROP INDEX `IDX_015a0828d25325a2a754597cef` ON `service_provider`");
    await queryRunner.query("DROP INDEX `IDX_a59d5cba33343dd4ef6f2e54fe` ON `service_provider`");
    await queryRunner.query("DROP TABLE `service_provider`");
    await queryRunner.query("DROP INDEX `IDX_b0f21015857981e79622917b87` ON `official`");
    await queryRunner.query("DROP INDEX `IDX_9cc19ec121c7d30105a782b7b2` ON `official`");
    await queryRunner.query("DROP TABLE `official`");
    await queryRunner.query("DROP INDEX `IDX_fe7cfde7e1f3c4961ca1905afc` ON `administrative_unit`");
    await queryRunner.query("DROP TABLE `administrative_unit`");
  }
}
